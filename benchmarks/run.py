#!/usr/bin/env python3
# ruff: noqa: E501 - Markdown rows and HTML templates read better on one line
"""syndcheck performance benchmark: per-document cost against the lxml parse floor, batch
throughput on 1 and 2 processes, start-up, and peak memory — in one run, with PASS/FAIL for the
targets of "Fast enough to check a whole archive on every commit".

    python benchmarks/run.py                  # full run (2,000 × 100 KB batch, 50 MB document)
    python benchmarks/run.py --quick          # smoke run: smaller corpus, fewer repeats
    python benchmarks/run.py --files 500      # batch size
    python benchmarks/run.py --profile        # only: cProfile of the 100 KB full check, top 25
    python benchmarks/run.py --json out.json  # where the JSON goes (default benchmarks/results/latest.json)

Markdown goes to stdout, progress to stderr. The corpus is generated (seeded, see corpus.py) into
a temporary directory that is removed afterwards (--keep keeps it). Run it with the Python of the
environment syndcheck is installed in; the `syndcheck` script next to that Python is the CLI
measured. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import KB, LAYOUTS, MB, PUBLISHERS, Generator, Page, fingerprint  # noqa: E402

try:
    import compliance  # noqa: F401
except ImportError:  # not installed in this interpreter: use the checkout (its dependencies must be importable)
    sys.path.insert(0, str(ROOT))

# --------------------------------------------------------------------------------------------
# Targets (ratios measured in one run)
# --------------------------------------------------------------------------------------------

TARGET_CHECK_RATIO = 6.0  # full check of a 100 KB article ≤ 6× the lxml parse floor
TARGET_NO_PACK_RATIO = 1.5  # a 100 KB page no pack matches ≤ 1.5× the lxml parse floor
TARGET_SPEEDUP = 1.8  # 2-process throughput ≥ 1.8× one process
TARGET_SEMGREP = 4.0  # `--jobs 2` wall time ≥ 4× faster than Semgrep's with three regex rules
TARGET_STARTUP_RATIO = 2.5  # one-file check ≤ 2.5× `python -c "import lxml.html, yaml"`
TARGET_MEMORY_GROWTH = 1.10  # peak RSS of a batch of N files ≤ 1.10× that of N/4 files ("flat")


@dataclass(frozen=True)
class Settings:
    mode: str
    doc_publishers: tuple[str, ...]
    doc_repeats: dict[int, int]  # size in bytes -> timed repeats per document
    files: int
    batch_size: int
    batch_repeats: int
    startup_runs: int
    big_size: int
    big_timeout: float
    profile_rounds: int


FULL = Settings(
    mode="full",
    doc_publishers=PUBLISHERS,
    doc_repeats={20 * KB: 30, 100 * KB: 20, 1 * MB: 7},
    files=2000,
    batch_size=100 * KB,
    batch_repeats=3,
    startup_runs=21,
    big_size=50 * MB,
    big_timeout=1800,
    profile_rounds=10,
)
QUICK = Settings(
    mode="quick",
    doc_publishers=("dcnf", "local"),
    doc_repeats={20 * KB: 7, 100 * KB: 7, 1 * MB: 3},
    files=200,
    batch_size=100 * KB,
    batch_repeats=1,
    startup_runs=15,
    big_size=10 * MB,
    big_timeout=300,
    profile_rounds=3,
)
PROFILE_SIZE = 100 * KB
TARGET_SIZE = 100 * KB


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def fmt_time(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds * 1000
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    return f"{ms:.2f} ms"


def fmt_mb(kib: float) -> str:
    return f"{kib / 1024:.0f} MB" if kib >= 100 * 1024 else f"{kib / 1024:.1f} MB"


def fmt_size(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n / KB:.0f} KB"


def verdict(ok: bool | None, busy: bool = False) -> str:
    """A target's verdict. A target is never called met on a busy machine: its figure is then no
    evidence either way."""
    if ok is None:
        return "skipped"
    if not ok:
        return "not met"
    return "not judged: the machine was busy" if busy else "met"


def machine_busy(result: dict[str, Any]) -> list[str]:
    """Why the machine counts as busy (empty when it was idle): the load when the run started (the
    load at the end includes the benchmark's own 2-process runs), and batch runs that got less
    CPU than their processes could use."""
    m = result["machine"]
    start_load = (m.get("loadavg_start") or [0.0])[0]
    cores = m["usable_cores"] or 1
    why = [f"1-minute load average {start_load:.2f} on {cores} cores at the start"] if start_load > 0.5 * cores else []
    # The load reached during a part includes the benchmark's own processes (up to 2 at a time).
    why += [
        f"load average {max(loads):.2f} during {name}"
        for name, loads in result.get("loads", {}).items()
        if None not in loads and max(loads) > cores + 0.5 and not why
    ]
    why += [
        f"{entry['label']} got {entry['cpu_per_wall']:.2f} CPUs for {entry['processes']} process(es)"
        for entry in result.get("batch", {}).values()
        if entry["cpu_per_wall"] < 0.9 * entry["processes"]
    ]
    return why


def lxml_floor(data: bytes) -> Any:
    """The floor: lxml.html's parse of the bytes, nothing else."""
    import lxml.html

    return lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))


def syndcheck_command() -> str:
    """The `syndcheck` script of this interpreter's environment (else the one on PATH)."""
    beside = Path(sys.executable).parent / "syndcheck"
    if beside.exists():
        return str(beside)
    found = shutil.which("syndcheck")
    if not found:
        raise SystemExit("bench: no `syndcheck` script next to this Python or on PATH; install the project (pip install -e .)")
    return found


@dataclass
class ChildRun:
    wall: float
    cpu: float  # user + system seconds of the child and the children it reaped (pool workers)
    maxrss_kib: int
    returncode: int
    timed_out: bool
    stdout: bytes


# Peak RSS is read with wait4() in a small launcher process rather than here: on Linux a child's
# ru_maxrss starts at the high-water mark of the process that forked it (exec keeps it), so
# children of this process, which holds the corpus, would all report at least its size. The
# launcher is a fresh `python -S` (≈ 10 MB: the lowest RSS it can report), far below anything
# measured. It also enforces the time limit: on expiry it kills the child and still reports the
# peak RSS reached so far.
LAUNCHER = """
import json, os, signal, sys, time
report_fd, limit = int(sys.argv[1]), float(sys.argv[2])
timed_out = []
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[3], sys.argv[3:], os.environ)
def expire(*_):
    timed_out.append(True)
    os.kill(pid, signal.SIGKILL)
if limit > 0:
    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limit)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
result = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status), "timed_out": bool(timed_out)}
os.write(report_fd, json.dumps(result).encode())
"""


def run_child(
    cmd: Sequence[str], *, ok_codes: Sequence[int] | None = (0,), capture: bool = False, timeout: float = 0, env: dict[str, str] | None = None
) -> ChildRun:
    """Run a command in a child process: its wall time (spawn to exit), CPU time and own peak RSS."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        read_end, write_end = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-S", "-c", LAUNCHER, str(write_end), str(timeout), *cmd],
                stdin=subprocess.DEVNULL,
                stdout=out if capture else subprocess.DEVNULL,
                stderr=err,
                pass_fds=(write_end,),
                env=env,
            )
        finally:
            os.close(write_end)
        with os.fdopen(read_end, "rb") as reader:
            raw = reader.read()
        proc.wait()
        err.seek(0)
        errors = err.read().decode(errors="replace")[-2000:]
        if not raw:
            raise RuntimeError(f"launcher failed for {' '.join(cmd)}:\n{errors}")
        info = json.loads(raw)
        if ok_codes is not None and info["code"] not in ok_codes and not info["timed_out"]:
            raise RuntimeError(f"{' '.join(cmd)} exited {info['code']}:\n{errors}")
        out.seek(0)
        return ChildRun(info["wall"], info["cpu"], info["maxrss"], info["code"], info["timed_out"], out.read() if capture else b"")


def wait_until_idle(limit: float, threshold: float = 0.3) -> float:
    """Wait (up to `limit` seconds) for the 1-minute load average to fall below `threshold`."""
    start = time.monotonic()
    while os.getloadavg()[0] >= threshold and time.monotonic() - start < limit:
        time.sleep(5)
    return os.getloadavg()[0]


# --------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    import lxml.etree
    import regex
    import yaml

    cpu = platform.processor() or platform.machine()
    mem_total = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_total = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    def dist(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    code = hashlib.sha256()
    for path in sorted([*ROOT.joinpath("compliance").rglob("*.py"), *ROOT.joinpath("rules").glob("*.yaml")]):
        code.update(str(path.relative_to(ROOT)).encode())
        code.update(path.read_bytes())
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_mb": mem_total,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION)),
        "libxml2_compiled": ".".join(map(str, lxml.etree.LIBXML_COMPILED_VERSION)),
        "pyyaml": f"{yaml.__version__}{' (libyaml)' if yaml.__with_libyaml__ else ' (pure Python)'}",
        "regex": regex.__version__,
        "typer": dist("typer"),
        "syndcheck": dist("syndication-compliance"),
        "code_sha256": code.hexdigest()[:16],
        "loadavg_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


# --------------------------------------------------------------------------------------------
# Per-document: lxml parse floor vs full check
# --------------------------------------------------------------------------------------------


def doc_pages(settings: Settings, seed: int) -> dict[int, list[Page]]:
    gen = Generator(seed)
    return {size: [gen.page(layout, publisher, size) for layout in LAYOUTS for publisher in settings.doc_publishers] for size in settings.doc_repeats}


def fresh_pages(pages: dict[int, list[Page]], settings: Settings, seed: int) -> dict[int, list[list[Page]]]:
    """For each of `pages` (`doc_pages`), in the same order, `doc_repeats` pages of its layout,
    publisher, variant and size with words, names and inline CSS of their own (another generator)."""
    gen = Generator(seed)
    return {
        size: [[gen.page(doc.layout, doc.publisher, size, variant=doc.variant) for _ in range(settings.doc_repeats[size])] for doc in docs]
        for size, docs in pages.items()
    }


def first_sight_ratio(pages: list[Page], packs: Any) -> float:
    """The median over `pages` of one check of each, the first time this process sees the page,
    divided by the median of three lxml parses of it. What the repeated checks of
    `time_documents` do not show: what the checker remembers by text (a site's stylesheets, their
    declarations and colours) is read anew for each page here, as in a batch of many sites."""
    from compliance.engine import check_bytes

    perf = time.perf_counter
    ratios = []
    for page in pages:
        parses = []
        for _ in range(3):
            t0 = perf()
            lxml_floor(page.data)
            parses.append(perf() - t0)
        t0 = perf()
        check_bytes(page.data, "html", packs, path="x.html")
        ratios.append((perf() - t0) / median(parses))
    return median(ratios)


def time_documents(pages: dict[int, list[Page]], settings: Settings, fresh: dict[int, list[list[Page]]]) -> dict[str, Any]:
    """The median time of the lxml parse and of the full check of each document, each repeated
    (`ratio`), and the ratio of the first check of each of its `fresh` pages (`first_sight_ratio`)."""
    from compliance.engine import check_bytes
    from compliance.loading import load_packs

    packs = load_packs()  # once, outside the timing
    perf = time.perf_counter
    results: dict[str, Any] = {}
    for size, docs in pages.items():
        repeats = settings.doc_repeats[size]
        log(f"per-document: {len(docs)} × {fmt_size(size)}, {repeats} repeats each")
        rows = []
        for page, unseen in zip(docs, fresh[size], strict=True):
            data = page.data
            lxml_floor(data)  # warm-up
            report = check_bytes(data, "html", packs, path="x.html")
            gc.collect()
            parse_times, check_times = [], []
            for _ in range(repeats):  # interleaved, so drift hits both alike
                t0 = perf()
                lxml_floor(data)
                t1 = perf()
                check_bytes(data, "html", packs, path="x.html")
                t2 = perf()
                parse_times.append(t1 - t0)
                check_times.append(t2 - t1)
            p, c = median(parse_times), median(check_times)
            rows.append(
                {
                    "name": page.name,
                    "layout": page.layout,
                    "publisher": page.publisher,
                    "variant": page.variant,
                    "bytes": len(data),
                    "packs": list(report.packs),
                    "findings": [f.rule for f in report.findings],
                    "parse_s": p,
                    "check_s": c,
                    "ratio": c / p,
                    "first_sight_ratio": first_sight_ratio(unseen, packs),
                    "parse_samples": parse_times,
                    "check_samples": check_times,
                }
            )
        worst = max(rows, key=lambda r: r["ratio"])
        results[str(size)] = {
            "size": size,
            "documents": len(rows),
            "repeats": repeats,
            "parse_median_s": median(r["parse_s"] for r in rows),
            "check_median_s": median(r["check_s"] for r in rows),
            "ratio_median": median(r["ratio"] for r in rows),
            "ratio_min": min(r["ratio"] for r in rows),
            "ratio_max": worst["ratio"],
            "worst": f"{worst['layout']}/{worst['variant']}",
            "first_sight_median": median(r["first_sight_ratio"] for r in rows),
            "first_sight_min": min(r["first_sight_ratio"] for r in rows),
            "first_sight_max": max(r["first_sight_ratio"] for r in rows),
            "docs": rows,
        }
    return results


# --------------------------------------------------------------------------------------------
# Batch: runners (the CLI, the API loop, the API pool; the CLI with --jobs once it exists)
# --------------------------------------------------------------------------------------------

DIR = "{dir}"


@dataclass(frozen=True)
class Runner:
    key: str
    label: str
    processes: int
    template: tuple[str, ...]  # "{dir}" is replaced by the corpus directory
    reports_time: bool = False  # prints {"seconds": ...} measured inside (after start-up and pack loading)

    def command(self, directory: Path) -> list[str]:
        return [part.replace(DIR, str(directory)) for part in self.template]


def cli_has_jobs(syndcheck: str) -> bool:
    """Whether `syndcheck check` has grown a --jobs option."""
    done = subprocess.run([syndcheck, "check", "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in done.stdout


def cli_has_format(syndcheck: str, name: str) -> bool:
    """Whether `syndcheck check --format` offers this output format."""
    done = subprocess.run([syndcheck, "check", "--help"], capture_output=True, text=True, check=False)
    return re.search(rf"--format[^\n]*[\[|]{re.escape(name)}[|\]]", done.stdout) is not None


def batch_runners(syndcheck: str) -> list[Runner]:
    """What the batch section runs. Once the CLI has --jobs, its 1-process row pins `--jobs 1`
    (the default may be one worker per core) and a `--jobs 2` row is added."""
    me = (sys.executable, str(Path(__file__).resolve()))
    jobs = cli_has_jobs(syndcheck)
    one = ("--jobs", "1") if jobs else ()
    runners = [
        Runner("cli", f"`syndcheck check {' '.join(one) + ' ' if one else ''}--format json DIR`", 1, (syndcheck, "check", *one, "--format", "json", DIR)),
        Runner("api-loop", "API loop: read + `check_bytes` (in-process)", 1, (*me, "--worker", "loop", DIR), reports_time=True),
        Runner(
            "api-pool", "in-process pool: `multiprocessing.Pool(2)`, chunked `imap`", 2, (*me, "--worker", "pool", "--processes", "2", DIR), reports_time=True
        ),
    ]
    if jobs:
        runners.append(Runner("cli-jobs", "`syndcheck check --jobs 2 --format json DIR`", 2, (syndcheck, "check", "--jobs", "2", "--format", "json", DIR)))
    return runners


# The three rules Semgrep runs for the comparison: DCNF's license line, its licensing address and
# a byline, as regexes (Semgrep reads them; it knows nothing of visibility or the article region).
SEMGREP_RULES = r"""rules:
  - id: dcnf-license
    languages: [generic]
    severity: INFO
    message: DCNF license paragraph
    pattern-regex: All content created by the Daily Caller News Foundation
  - id: dcnf-licensing-address
    languages: [generic]
    severity: INFO
    message: DCNF licensing address
    pattern-regex: licensing@dailycallernewsfoundation\.org
  - id: byline
    languages: [generic]
    severity: INFO
    message: a byline
    pattern-regex: '[Bb]y\s+[A-Z][a-z]+\s+[A-Z][a-z]+'
"""


# Which pair decides the 2-process target: the CLI's own --jobs when it exists, else the API pool.
SPEEDUP_PAIRS = (("cli-jobs", "cli"), ("api-pool", "api-loop"))


def run_batches(runners: Sequence[Runner], directory: Path, repeats: int, *, capture: bool = False) -> dict[str, dict[str, Any]]:
    """Each runner `repeats` times, interleaved round by round (A B C, A B C, …) so that background
    load, when there is some, falls on all of them alike; medians per runner."""
    samples: dict[str, list[tuple[ChildRun, float]]] = {r.key: [] for r in runners}
    for _ in range(repeats):
        for runner in runners:
            gc.collect()
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            samples[runner.key].append((run_child(runner.command(directory), ok_codes=(0, 1), capture=runner.reports_time or capture), load))
    files = sum(1 for _ in directory.glob("*.html"))
    out = {}
    for runner in runners:
        runs = [run for run, _ in samples[runner.key]]
        walls = [run.wall for run in runs]
        inner = [json.loads(run.stdout)["seconds"] for run in runs] if runner.reports_time else []
        seconds = median(inner) if inner else median(walls)
        out[runner.key] = {
            "label": runner.label,
            "processes": runner.processes,
            "files": files,
            "repeats": repeats,
            "wall_s": median(walls),
            "wall_samples": walls,
            "inner_s": median(inner) if inner else None,
            "inner_samples": inner,
            "seconds": seconds,  # what throughput is computed from: inner time when the runner reports it, else wall
            "files_per_s": files / seconds,
            "ms_per_file": seconds / files * 1000,
            "cpu_s": median(run.cpu for run in runs),
            "cpu_per_wall": median(run.cpu / run.wall for run in runs),  # ≈ processes busy on average
            "maxrss_kib": max(run.maxrss_kib for run in runs),
            "loadavg_before": [load for _, load in samples[runner.key]],
        }
        if capture and not runner.reports_time:
            out[runner.key]["matches"] = _semgrep_matches(runs[-1].stdout)
    return out


def _semgrep_matches(stdout: bytes) -> dict[str, int] | None:
    """How many matches Semgrep's JSON output reports, and in how many files (None when it is not
    Semgrep's JSON): evidence that the comparison ran the rules over the files."""
    try:
        results = json.loads(stdout)["results"]
    except (ValueError, KeyError, TypeError):
        return None
    return {"matches": len(results), "files": len({r.get("path") for r in results})}


def run_batch(runner: Runner, directory: Path, repeats: int, *, capture: bool = False) -> dict[str, Any]:
    return run_batches([runner], directory, repeats, capture=capture)[runner.key]


# The worker side (`run.py --worker loop|pool DIR`): runs in the child process.

_PACKS: Any = None


def _init_worker() -> None:
    global _PACKS
    if _PACKS is None:  # inherited when the pool forks; loaded again under spawn/forkserver
        from compliance.loading import load_packs

        _PACKS = load_packs()


def _check_path(path: str) -> Any:
    from compliance.engine import check_bytes

    with open(path, "rb") as handle:
        data = handle.read()
    return check_bytes(data, "html", _PACKS, path=path)


def worker_main(mode: str, directory: str, processes: int, chunksize: int) -> None:
    import multiprocessing

    _init_worker()
    paths = sorted(str(p) for p in Path(directory).glob("*.html"))
    checked = with_findings = findings = 0
    start = time.perf_counter()
    if mode == "loop":
        reports: Iterable[Any] = map(_check_path, paths)
        for report in reports:
            checked += report.checked
            with_findings += bool(report.findings)
            findings += len(report.findings)
    else:
        with multiprocessing.Pool(processes, initializer=_init_worker) as pool:
            for report in pool.imap(_check_path, paths, chunksize=chunksize):  # results in order, as a CLI would print them
                checked += report.checked
                with_findings += bool(report.findings)
                findings += len(report.findings)
    seconds = time.perf_counter() - start
    json.dump(
        {
            "mode": mode,
            "files": len(paths),
            "checked": checked,
            "with_findings": with_findings,
            "findings": findings,
            "seconds": seconds,
            "start_method": multiprocessing.get_start_method(),
        },
        sys.stdout,
    )


# --------------------------------------------------------------------------------------------
# Start-up
# --------------------------------------------------------------------------------------------


def measure_startup(syndcheck: str, one: Path, runs: int, scratch: Path) -> dict[str, Any]:
    """Wall time of short commands. syndcheck caches validated packs (SYNDCHECK_CACHE_DIR, set by
    run_all to a directory of its own): "check-one" runs with that cache warm, "check-one-cold" with
    a new empty cache directory each time (a fresh CI container, or the first run after a pack
    changed)."""
    size = fmt_size(one.stat().st_size)
    commands = {
        "python-pass": ("`python -c pass`", [sys.executable, "-c", "pass"]),
        "baseline": ('`python -c "import lxml.html, yaml"`', [sys.executable, "-c", "import lxml.html, yaml"]),
        "version": ("`syndcheck --version`", [syndcheck, "--version"]),
        "check-one": (f"`syndcheck check one.html` ({size} article)", [syndcheck, "check", str(one)]),
        "check-one-cold": (f"`syndcheck check one.html`, empty pack cache ({size} article)", [syndcheck, "check", str(one)]),
    }
    counter = iter(range(10**9))
    # Measure an ordinary installation: its modules compiled to .pyc once, as pip does when it
    # installs a package. With PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) an
    # editable checkout would be compiled from source on every run, while lxml and yaml, in
    # site-packages, would not: that would compare unlike with unlike.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "compliance"), quiet=1)
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def env_for(key: str) -> dict[str, str] | None:
        if key != "check-one-cold":
            return base_env
        return {**base_env, "SYNDCHECK_CACHE_DIR": str(scratch / f"cold-{next(counter)}")}

    for key, (_label, cmd) in commands.items():  # warm the page cache, .pyc files and the pack cache
        for _ in range(2):
            run_child(cmd, ok_codes=(0, 1), env=env_for(key))
    samples: dict[str, list[float]] = {key: [] for key in commands}
    cpu: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):  # round-robin, so background noise spreads over all commands
        for key, (_label, cmd) in commands.items():
            run = run_child(cmd, ok_codes=(0, 1), env=env_for(key))
            samples[key].append(run.wall)
            cpu[key].append(run.cpu)
    return {
        key: {"label": commands[key][0], "median_s": median(v), "min_s": min(v), "runs": len(v), "samples": v, "cpu_median_s": median(cpu[key])}
        for key, v in samples.items()
    }


# --------------------------------------------------------------------------------------------
# Memory
# --------------------------------------------------------------------------------------------


def _big_exit_reason(returncode: int) -> str:
    """What a check of the large document that exited otherwise than 0 or 1 means by it."""
    if returncode < 0:
        return f"killed by signal {-returncode} from outside the benchmark"
    if returncode == 2:
        return "not fully checked: a pattern ran past its time limit, or the document was not checked"
    return "an internal error"


def measure_big(syndcheck: str, big: Path, timeout: float) -> dict[str, Any]:
    floor_code = (
        "import sys, lxml.html\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding='utf-8', huge_tree=True))\n"
    )
    floor = run_child([sys.executable, "-c", floor_code, str(big)])
    # Any exit is recorded rather than raised: an hour-long run must not lose its other results
    # because this one document was killed (by the time limit, or by something else).
    check = run_child([syndcheck, "check", "--max-bytes", "0", "--format", "json", str(big)], ok_codes=None, capture=True, timeout=timeout)
    completed = not check.timed_out and check.returncode in (0, 1)
    report = json.loads(check.stdout)["files"][0] if completed else {}
    return {
        "bytes": big.stat().st_size,
        "floor": {"wall_s": floor.wall, "maxrss_kib": floor.maxrss_kib},
        "check": {
            "wall_s": check.wall,
            "maxrss_kib": check.maxrss_kib,
            "timed_out": check.timed_out,
            "timeout_s": timeout,
            "completed": completed,
            "returncode": check.returncode,
            "checked": report.get("checked"),
            "packs": report.get("packs"),
            "notices": [n.get("code") for n in report.get("notices", [])],
        },
    }


# --------------------------------------------------------------------------------------------
# Profile
# --------------------------------------------------------------------------------------------


def profile(settings: Settings, seed: int) -> str:
    from compliance.engine import check_bytes
    from compliance.loading import load_packs

    packs = load_packs()
    gen = Generator(seed)
    docs = [gen.page(layout, publisher, PROFILE_SIZE).data for layout in LAYOUTS for publisher in PUBLISHERS]
    for data in docs:  # warm-up (pattern caches, imports)
        check_bytes(data, "html", packs, path="x.html")
    floor_start = time.perf_counter()
    for _ in range(settings.profile_rounds):
        for data in docs:
            lxml_floor(data)
    floor = time.perf_counter() - floor_start
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in range(settings.profile_rounds):
        for data in docs:
            check_bytes(data, "html", packs, path="x.html")
    profiler.disable()
    elapsed = time.perf_counter() - start
    n = settings.profile_rounds * len(docs)
    machine = machine_info()
    out = io.StringIO()
    out.write(
        f"{datetime.now(UTC).isoformat(timespec='seconds')}; {machine['cpu']}, {machine['python']}, lxml {machine['lxml']} / libxml2 {machine['libxml2']}; "
        f"syndcheck {machine['syndcheck']} (code sha256 {machine['code_sha256']}); load average {fmt_load(machine['loadavg_start'])}.\n"
    )
    out.write(
        f"cProfile of {n} full checks of {fmt_size(PROFILE_SIZE)} articles ({len(docs)} documents: {len(LAYOUTS)} layouts × {len(PUBLISHERS)} publishers, "
        f"{settings.profile_rounds} rounds), every built-in pack, auto-detection.\n"
        f"Under the profiler: {fmt_time(elapsed / n)} per check; lxml parse alone (unprofiled): {fmt_time(floor / n)} per document.\n\n"
    )
    for key, title in (("cumulative", "Top 25 by cumulative time"), ("tottime", "Top 25 by own time (tottime)")):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(key).print_stats(25)
        text = buffer.getvalue()
        text = text[text.find("   ncalls") :] if "   ncalls" in text else text
        out.write(f"## {title}\n\n{shorten_paths(text).rstrip()}\n\n")
    return out.getvalue()


def shorten_paths(text: str) -> str:
    text = text.replace(str(ROOT) + os.sep, "")
    text = re.sub(r"\S*/site-packages/", "", text)
    text = re.sub(r"\S*/lib/python3\.\d+/", "", text)
    return text


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


def write_corpus(directory: Path, pages: Iterable[Page]) -> list[Page]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages:
        (directory / page.name).write_bytes(page.data)
        written.append(page)
    return written


def link_subset(source: Path, target: Path, names: Sequence[str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        try:
            os.link(source / name, target / name)
        except OSError:
            shutil.copyfile(source / name, target / name)


def run_all(settings: Settings, args: argparse.Namespace, checkpoint: Path | None = None) -> dict[str, Any]:
    syndcheck = syndcheck_command()
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": settings.mode,
        "seed": args.seed,
        "machine": machine_info(),
        "complete": False,  # until every part has run (the file is rewritten after each part)
        "targets": {},
    }
    sections = set(args.sections)
    tmp = Path(tempfile.mkdtemp(prefix="syndcheck-bench-"))
    log(f"corpus in {tmp}")
    # Child processes get caches of their own, warm after the first run: syndcheck's pack cache
    # (never the user's), and Python bytecode in a private PYTHONPYCACHEPREFIX even where
    # PYTHONDONTWRITEBYTECODE is set, so that start-up is that of a normal installation and not
    # of one that recompiles the package on every start.
    overrides = {
        "SYNDCHECK_CACHE_DIR": str(tmp / "pack-cache"),
        "PYTHONPYCACHEPREFIX": str(tmp / "pycache"),
        "PYTHONDONTWRITEBYTECODE": None,
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
    }
    saved_env = {key: os.environ.get(key) for key in overrides}
    result["child_environment"] = {key: (None if value is None else value.replace(str(tmp), "$TMP")) for key, value in overrides.items()}
    result["inherited_environment"] = {key: value for key, value in saved_env.items() if value is not None}
    for key, value in overrides.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value

    def section(name: str, work: Any) -> None:
        """Run one part; a failure is recorded (and the other parts still run), and the results so
        far are written to the JSON file after each part."""
        before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - one broken measurement must not lose the others
            import traceback

            log(f"{name}: FAILED: {type(exc).__name__}: {exc}")
            result.setdefault("errors", {})[name] = "".join(traceback.format_exception_only(exc)).strip()[-2000:]
        # The load around each part, printed beside its figures: other people's work on a shared
        # machine shows in every time measured during it.
        after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        result.setdefault("loads", {})[name] = [before, after]
        if checkpoint is not None:
            evaluate_targets(result)
            write_json(checkpoint, result)

    def docs() -> None:
        pages = doc_pages(settings, args.seed)
        result["documents"] = time_documents(pages, settings, fresh_pages(pages, settings, args.seed + 4))
        result["documents_fingerprint"] = fingerprint([p for docs in pages.values() for p in docs])

    def startup() -> None:
        one = write_corpus(tmp / "one", [Generator(args.seed + 3).page("wordpress", "dcnf", 20 * KB)])[0]
        log(f"start-up: {settings.startup_runs} runs of each command")
        result["startup"] = measure_startup(syndcheck, tmp / "one" / one.name, settings.startup_runs, tmp / "startup-caches")

    state: dict[str, Any] = {}

    def batch_section() -> None:
        files = args.files or settings.files
        quarter = max(1, files // 4)
        state.update(files=files, quarter=quarter)
        log(f"batch corpus: {files} × {fmt_size(settings.batch_size)}")
        batch_pages = write_corpus(tmp / "batch", Generator(args.seed + 1).batch(files, settings.batch_size))
        link_subset(tmp / "batch", tmp / "quarter", [p.name for p in batch_pages[:quarter]])
        result["batch_corpus"] = {
            "files": files,
            "quarter": quarter,
            "bytes": sum(len(p.data) for p in batch_pages),
            "fingerprint": fingerprint(batch_pages),
            "mix": {v: sum(1 for p in batch_pages if p.variant == v) for v in sorted({p.variant for p in batch_pages})},
        }
        del batch_pages
        runners = batch_runners(syndcheck)
        state["runners"] = runners
        result["cli_has_jobs"] = any(r.key == "cli-jobs" for r in runners)
        log(f"batch: {', '.join(r.key for r in runners)} on {files} files, {settings.batch_repeats} interleaved round(s)")
        batch = run_batches(runners, tmp / "batch", settings.batch_repeats)
        result["batch"] = batch
        result["speedups"] = [
            {
                "pair": [faster, slower],
                "value": batch[slower]["seconds"] / batch[faster]["seconds"],
                # The CPU the two-process run used for the same files, against one process: what
                # it spends beyond checking (handing out files, passing results) and how much
                # slower each core runs while both are busy. 1.00× would leave 2× for the ratio.
                "cpu_ratio": batch[faster]["cpu_s"] / batch[slower]["cpu_s"],
            }
            for faster, slower in SPEEDUP_PAIRS
            if faster in batch and slower in batch
        ]
        result["speedup"] = result["speedups"][0]  # the first pair decides the target
        semgrep = args.semgrep or shutil.which("semgrep")
        if semgrep is None:
            result["semgrep_skipped"] = "Semgrep is not installed (not on PATH; --semgrep PATH names one)"
            log("semgrep: not installed, comparison skipped")
        else:
            rules = tmp / "semgrep-rules.yml"
            rules.write_text(SEMGREP_RULES, encoding="utf-8")
            # No metrics and no version check: either waits on the network (a minute and more
            # where there is none), which is no part of the work compared.
            command = (
                semgrep, "scan", "--config", str(rules), "--jobs", "2", "--metrics", "off", "--disable-version-check", "--json", "--quiet", "--no-git-ignore", DIR
            )  # fmt: skip
            log(f"semgrep: three regex rules over {files} files, --jobs 2")
            try:
                runner = Runner("semgrep", "Semgrep, three regex rules, `--jobs 2`", 2, command, reports_time=False)
                entry = run_batch(runner, tmp / "batch", settings.batch_repeats, capture=True)
            except RuntimeError as exc:  # a Semgrep that does not run is reported, never fatal
                result["semgrep_skipped"] = f"Semgrep did not run: {str(exc).splitlines()[0][:200]}"
                log(f"semgrep: {result['semgrep_skipped']}")
            else:
                result["semgrep"] = entry

    def batch_memory() -> None:
        files, quarter, runners, batch = state["files"], state["quarter"], state["runners"], result["batch"]
        memory: dict[str, Any] = {}
        log(f"memory: the same runners on {quarter} files, and streamed output")
        for runner in [r for r in runners if r.key in ("cli", "api-loop")]:
            small = run_batch(runner, tmp / "quarter", 1)
            memory[runner.key] = {
                "label": runner.label,
                "files_n": files,
                "rss_n_kib": batch[runner.key]["maxrss_kib"],
                "files_quarter": quarter,
                "rss_quarter_kib": small["maxrss_kib"],
            }
        # Streamed outputs, for comparison with the JSON document the target is measured on: text,
        # and JSON Lines once the CLI offers it.
        one = ("--jobs", "1") if result["cli_has_jobs"] else ()
        jobs = " ".join(one) + " " if one else ""
        streamed = [Runner("cli-text", f"`syndcheck check {jobs}DIR` (text output, streamed)", 1, (syndcheck, "check", *one, DIR))]
        if cli_has_format(syndcheck, "jsonl"):
            streamed.append(
                Runner(
                    "cli-jsonl", f"`syndcheck check {jobs}--format jsonl DIR` (JSON Lines, streamed)", 1, (syndcheck, "check", *one, "--format", "jsonl", DIR)
                )
            )
        for runner in streamed:
            big_run = run_batch(runner, tmp / "batch", 1)
            small_run = run_batch(runner, tmp / "quarter", 1)
            memory[runner.key] = {
                "label": runner.label,
                "files_n": files,
                "rss_n_kib": big_run["maxrss_kib"],
                "files_quarter": quarter,
                "rss_quarter_kib": small_run["maxrss_kib"],
                "wall_n_s": big_run["wall_s"],
            }
        for entry in memory.values():
            entry["growth"] = entry["rss_n_kib"] / entry["rss_quarter_kib"]
        result["memory"] = memory

    def big_document() -> None:
        log(f"memory: one {fmt_size(settings.big_size)} document (time limit {fmt_time(args.big_timeout or settings.big_timeout)})")
        big = write_corpus(tmp / "big", [Generator(args.seed + 2).page("wordpress", "dcnf", settings.big_size)])[0]
        result["big_document"] = measure_big(syndcheck, tmp / "big" / big.name, args.big_timeout or settings.big_timeout)

    try:
        if "docs" in sections:
            section("docs", docs)
        if "startup" in sections:
            section("startup", startup)
        if "batch" in sections or "memory" in sections:
            section("batch", batch_section)
            if "batch" in result:
                section("memory (batch)", batch_memory)
        if "memory" in sections:
            section("memory (large document)", big_document)
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if args.keep:
            log(f"corpus kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    result["machine"]["loadavg_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    evaluate_targets(result)
    return result


def write_json(path: Path, result: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)


def first_sight(rows: list[dict[str, Any]], digits: int = 1) -> str:
    """The first-sight figure of these documents' rows for a target's "measured" text (a target
    is met only when both figures are within it); nothing for a run from before it was measured."""
    if not rows or "first_sight_ratio" not in rows[0]:
        return ""
    return f"; {median(row['first_sight_ratio'] for row in rows):.{digits}f}× on pages seen for the first time"


def evaluate_targets(result: dict[str, Any]) -> None:
    targets = result["targets"]
    docs = result.get("documents", {}).get(str(TARGET_SIZE))
    if docs:
        targets["check_ratio"] = {
            "target": f"full check of a {fmt_size(TARGET_SIZE)} article (all built-in packs, auto-detection) ≤ {TARGET_CHECK_RATIO:g}× the lxml parse floor",
            "measured": f"{docs['ratio_median']:.1f}× (median of {docs['documents']} documents; {docs['ratio_min']:.1f}–{docs['ratio_max']:.1f}×){first_sight(docs['docs'])}",
            "value": docs["ratio_median"],
            "pass": max(docs["ratio_median"], docs["first_sight_median"]) <= TARGET_CHECK_RATIO,
        }
        unmatched = [row for row in docs["docs"] if not row["packs"]]
        worse = max(median(row["ratio"] for row in unmatched), median(row["first_sight_ratio"] for row in unmatched)) if unmatched else None
        targets["no_pack_ratio"] = {
            "target": f"a {fmt_size(TARGET_SIZE)} page no pack matches ≤ {TARGET_NO_PACK_RATIO:g}× the lxml parse floor",
            # Two decimals: both figures sit near the target.
            "measured": f"{median(row['ratio'] for row in unmatched):.2f}× (median of {len(unmatched)} documents){first_sight(unmatched, 2)}"
            if unmatched
            else "no such document in the run",
            "value": median(row["ratio"] for row in unmatched) if unmatched else None,
            "pass": worse <= TARGET_NO_PACK_RATIO if worse is not None else None,
        }
    speedup = result.get("speedup")
    if speedup:
        faster, slower = speedup["pair"]
        batch = result["batch"]
        targets["speedup"] = {
            "target": f"2-process throughput ≥ {TARGET_SPEEDUP:g}× one process",
            "measured": f"{speedup['value']:.2f}× ({batch[faster]['label']} vs {batch[slower]['label']})",
            "value": speedup["value"],
            "pass": speedup["value"] >= TARGET_SPEEDUP,
        }
    startup = result.get("startup")
    if startup:
        ratio = startup["check-one"]["median_s"] / startup["baseline"]["median_s"]
        targets["startup"] = {
            "target": f'one-file start-up ≤ {TARGET_STARTUP_RATIO:g}× `python -c "import lxml.html, yaml"`',
            "measured": f"{ratio:.2f}× ({fmt_time(startup['check-one']['median_s'])} vs {fmt_time(startup['baseline']['median_s'])}; pack cache warm)"
            + (
                f"; {startup['check-one-cold']['median_s'] / startup['baseline']['median_s']:.2f}× with an empty pack cache"
                if "check-one-cold" in startup
                else ""
            ),
            "value": ratio,
            "pass": ratio <= TARGET_STARTUP_RATIO,
        }
    for key, output in (("cli", "JSON output"), ("cli-jsonl", "JSON Lines output")):
        memory = result.get("memory", {}).get(key)
        if memory:
            targets[f"memory_{key}"] = {
                "target": f"memory flat in the number of files: peak RSS of N files ≤ {TARGET_MEMORY_GROWTH:.2f}× that of N/4 (CLI, {output})",
                "measured": f"{memory['growth']:.2f}× ({fmt_mb(memory['rss_n_kib'])} for {memory['files_n']} files, {fmt_mb(memory['rss_quarter_kib'])} for {memory['files_quarter']})",
                "value": memory["growth"],
                "pass": memory["growth"] <= TARGET_MEMORY_GROWTH,
            }
    batch = result.get("batch", {})
    if "cli-jobs" in batch or "semgrep" in result:
        semgrep = result.get("semgrep")
        if semgrep and "cli-jobs" in batch:
            ratio = semgrep["wall_s"] / batch["cli-jobs"]["wall_s"]
            measured, value, ok = (
                f"{ratio:.2f}× ({fmt_time(batch['cli-jobs']['wall_s'])} vs Semgrep {fmt_time(semgrep['wall_s'])})",
                ratio,
                ratio >= TARGET_SEMGREP,
            )
        else:
            measured, value, ok = f"skipped: {result.get('semgrep_skipped', 'Semgrep is not installed')}", None, None
        targets["semgrep"] = {
            "target": f"`--jobs 2` ≥ {TARGET_SEMGREP:g}× faster than Semgrep (three regex rules, `--jobs 2`) by wall time",
            "measured": measured,
            "value": value,
            "pass": ok,
        }


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"# syndcheck benchmark ({result['mode']} run, {result['when']})",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['memory_mb']} MB RAM, {m['os']}; "
        f"{m['python']}, lxml {m['lxml']} / libxml2 {m['libxml2']}, PyYAML {m['pyyaml']}, regex {m['regex']}, typer {m['typer']}; "
        f"syndcheck {m['syndcheck']} (code sha256 {m['code_sha256']}). Load average at start {fmt_load(m.get('loadavg_start'))}, at end {fmt_load(m.get('loadavg_end'))} (includes this run).",
        "",
    ]
    why = machine_busy(result)
    if why:
        lines += [
            f"**Warning: the machine was busy ({'; '.join(why)}).** Other processes competed for the CPU: absolute times are inflated, the "
            "2-process speed-up may be understated, and no target is called met. Re-run on an idle machine (`--wait-idle 600`).",
            "",
        ]
    docs = result.get("documents")
    if docs:
        any_size = next(iter(docs.values()))
        lines += [
            f"## Per document (median over {any_size['documents']} documents of each document's median{section_load(result, 'docs')})",
            "",
            "| article | documents × repeats | lxml parse (floor) | full check, all packs, auto-detect | check ÷ floor (median) | range | worst | first sight ÷ floor (median) | range |",
            "|---|---:|---:|---:|---:|---:|---|---:|---:|",
        ]
        for entry in docs.values():
            unseen = (
                f"{entry['first_sight_median']:.1f}× | {entry['first_sight_min']:.1f}–{entry['first_sight_max']:.1f}×"
                if "first_sight_median" in entry
                else "— | —"
            )
            lines.append(
                f"| {fmt_size(entry['size'])} | {entry['documents']} × {entry['repeats']} | {fmt_time(entry['parse_median_s'])} | {fmt_time(entry['check_median_s'])} "
                f"| {entry['ratio_median']:.1f}× | {entry['ratio_min']:.1f}–{entry['ratio_max']:.1f}× | {entry['worst']} | {unseen} |"
            )
        lines += [
            "",
            '"check ÷ floor": each document checked `repeats` times, the median (what the checker remembers by text, such as a '
            'stylesheet\'s reading, is remembered from the check before); "first sight": for each document, `repeats` pages of '
            "its layout, publisher and variant with words, names and inline CSS of their own, each checked once, the median of "
            "the ratios (as in a batch of many sites' pages). A target is met only when both are within it.",
        ]
        target_docs = docs.get(str(TARGET_SIZE))
        if target_docs:
            lines += [
                "",
                f"{fmt_size(TARGET_SIZE)} documents:",
                "",
                "| document | bytes | packs | findings | parse | check | ratio | first sight |",
                "|---|---:|---|---|---:|---:|---:|---:|",
            ]
            for row in target_docs["docs"]:
                unseen = f"{row['first_sight_ratio']:.1f}×" if "first_sight_ratio" in row else "—"
                lines.append(
                    f"| {row['layout']}/{row['variant']} | {row['bytes']:,} | {', '.join(row['packs']) or '—'} | {', '.join(row['findings']) or '—'} "
                    f"| {fmt_time(row['parse_s'])} | {fmt_time(row['check_s'])} | {row['ratio']:.1f}× | {unseen} |"
                )
        lines.append("")
    batch = result.get("batch")
    if batch:
        corpus = result["batch_corpus"]
        repeats = next(iter(batch.values()))["repeats"]
        lines += [
            f"## Batch: {corpus['files']:,} files × {fmt_size(corpus['bytes'] // corpus['files'])} ({corpus['bytes'] / MB:.0f} MB; median of {repeats} run{'s' if repeats > 1 else ''}{section_load(result, 'batch')})",
            "",
            "| run | processes | wall (incl. start-up) | timed inside | files/s | ms/file | CPU ÷ wall | peak RSS | load before |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        rows = list(batch.values()) + ([result["semgrep"]] if result.get("semgrep") else [])
        for entry in rows:
            inner = fmt_time(entry["inner_s"]) if entry["inner_s"] is not None else "—"
            loads = " ".join(f"{x:.2f}" for x in entry.get("loadavg_before", []))
            lines.append(
                f"| {entry['label']} | {entry['processes']} | {fmt_time(entry['wall_s'])} | {inner} | {entry['files_per_s']:.0f} | {entry['ms_per_file']:.1f} | {entry['cpu_per_wall']:.2f} | {fmt_mb(entry['maxrss_kib'])} | {loads} |"
            )
        for speedup in result.get("speedups", []):
            faster, slower = speedup["pair"]
            lines.append(f"| **speed-up, 2 processes vs 1** ({faster} vs {slower}) | | | | | | | **{speedup['value']:.2f}×** | |")
        for speedup in result.get("speedups", []):
            if "cpu_ratio" in speedup:  # runs recorded before it was measured lack it
                faster, slower = speedup["pair"]
                lines += [
                    "",
                    f"{faster} used {speedup['cpu_ratio']:.2f}× the CPU time of {slower} for the same files: its work beyond checking, and"
                    " each core running slower while both are busy (1.00× would leave 2.00× for the speed-up).",
                ]
        semgrep = result.get("semgrep")
        if semgrep and semgrep.get("matches"):
            found = semgrep["matches"]
            lines += ["", f"Semgrep reported {found['matches']:,} matches in {found['files']:,} files (its JSON output), so its rules did run over the corpus."]
        elif result.get("semgrep_skipped"):
            lines += ["", f"Semgrep comparison skipped: {result['semgrep_skipped']}."]
        if not result.get("cli_has_jobs"):
            lines += ["", "`syndcheck check` has no `--jobs` yet: the 2-process row is the in-process pool over the same function as the API loop."]
        lines.append("")
    startup = result.get("startup")
    if startup:
        base = startup["baseline"]["median_s"]
        runs = startup["baseline"]["runs"]
        lines += [
            f"## Start-up (median of {runs} runs, wall time of the process{section_load(result, 'startup')})",
            "",
            "The target is judged on wall time; CPU time (user + system) is shown beside it because it is less disturbed by other processes.",
            "",
            "| command | median | min | vs import baseline | CPU time | CPU vs baseline |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        base_cpu = startup["baseline"].get("cpu_median_s")
        for entry in startup.values():
            cpu_s = entry.get("cpu_median_s")
            cpu_cells = f"{fmt_time(cpu_s)} | {cpu_s / base_cpu:.2f}×" if cpu_s is not None and base_cpu else "— | —"
            lines.append(f"| {entry['label']} | {fmt_time(entry['median_s'])} | {fmt_time(entry['min_s'])} | {entry['median_s'] / base:.2f}× | {cpu_cells} |")
        lines.append("")
    memory = result.get("memory")
    big = result.get("big_document")
    if memory or big:
        memory_load = section_load(result, "memory (batch)") or section_load(result, "memory (large document)")
        lines += [f"## Peak memory (RSS of the child process{memory_load})", "", "| run | N/4 files | N files | growth |", "|---|---:|---:|---:|"]
        for entry in (memory or {}).values():
            lines.append(
                f"| {entry['label']} | {fmt_mb(entry['rss_quarter_kib'])} ({entry['files_quarter']}) | {fmt_mb(entry['rss_n_kib'])} ({entry['files_n']}) | {entry['growth']:.2f}× |"
            )
        if big:
            size = fmt_size(big["bytes"])
            lines += [
                "",
                "| one large document | wall | peak RSS |",
                "|---|---:|---:|",
                f"| lxml parse of the {size} document (floor) | {fmt_time(big['floor']['wall_s'])} | {fmt_mb(big['floor']['maxrss_kib'])} |",
                "| `syndcheck check --max-bytes 0 --format json` on it | "
                + (
                    f"killed after {fmt_time(big['check']['timeout_s'])} (time limit)"
                    if big["check"]["timed_out"]
                    else fmt_time(big["check"]["wall_s"])
                    if big["check"].get("completed", True)
                    else f"exited {big['check']['returncode']} after {fmt_time(big['check']['wall_s'])} ({_big_exit_reason(big['check']['returncode'])})"
                )
                + f" | {fmt_mb(big['check']['maxrss_kib'])} ({big['check']['maxrss_kib'] / big['floor']['maxrss_kib']:.1f}× the floor) |",
            ]
            if big["check"]["notices"]:
                lines.append(f"\nNotices on the large document: {', '.join(big['check']['notices'])}.")
        lines.append("")
    if result.get("errors"):
        lines += ["## Parts that failed", ""] + [f"- {name}: `{message.splitlines()[-1]}`" for name, message in result["errors"].items()] + [""]
    if result["targets"]:
        lines += ["## Targets", "", "| target | measured | result |", "|---|---|---|"]
        for target in result["targets"].values():
            lines.append(f"| {target['target']} | {target['measured']} | **{verdict(target['pass'], bool(why))}** |")
        lines.append("")
    return "\n".join(lines)


def section_load(result: dict[str, Any], name: str) -> str:
    """The load average over one part of the run, as "; load average 0.12 → 1.05" (empty when not recorded)."""
    loads = result.get("loads", {}).get(name)
    if not loads or None in loads:
        return ""
    return f"; load average {loads[0]:.2f} → {loads[1]:.2f}"


def fmt_load(load: Sequence[float] | None) -> str:
    return "n/a" if not load else " ".join(f"{x:.2f}" for x in load)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: smaller corpus (200 files, 10 MB large document), fewer repeats")
    parser.add_argument("--files", type=int, default=None, help="batch size in files (default 2000, 200 with --quick)")
    parser.add_argument(
        "--json", type=Path, default=HERE / "results" / "latest.json", help="where to write the JSON results (default benchmarks/results/latest.json)"
    )
    parser.add_argument("--profile", action="store_true", help="only profile the 100 KB full check with cProfile and print the top 25 functions")
    parser.add_argument("--seed", type=int, default=20240627, help="corpus seed (default 20240627)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus directory")
    parser.add_argument("--big-timeout", type=float, default=None, help="time limit in seconds for the large document (default 1800, 300 with --quick)")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="SECONDS",
        help="first wait up to SECONDS for the 1-minute load average to fall below 0.3 (shared machines)",
    )
    parser.add_argument(
        "--sections", nargs="+", choices=("docs", "batch", "startup", "memory"), default=["docs", "batch", "startup", "memory"], help="run only these parts"
    )
    parser.add_argument(
        "--semgrep", metavar="PATH", default=None, help="the semgrep executable for the comparison (default: `semgrep` on PATH; skipped when there is none)"
    )
    parser.add_argument("--render", type=Path, metavar="JSON", help="print the Markdown of an earlier run's JSON file, and run nothing")
    parser.add_argument("--worker", choices=("loop", "pool"), help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--chunksize", type=int, default=16, help=argparse.SUPPRESS)
    parser.add_argument("directory", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        worker_main(args.worker, args.directory, args.processes, args.chunksize)
        return 0
    if args.render:
        earlier = json.loads(args.render.read_text(encoding="utf-8"))
        evaluate_targets(earlier)  # the verdicts as this version words them, from the run's figures
        print(markdown(earlier))
        return 0
    settings = QUICK if args.quick else FULL
    if args.files is not None and args.files < 4:
        parser.error("--files must be at least 4 (the memory check compares N with N/4 files)")
    if args.profile:
        print(profile(settings, args.seed))
        return 0
    if args.wait_idle:
        log(f"waiting up to {args.wait_idle:.0f} s for an idle machine")
        log(f"load average now {wait_until_idle(args.wait_idle):.2f}")
    result = run_all(settings, args, checkpoint=args.json)
    result["complete"] = True
    print(markdown(result))
    write_json(args.json, result)
    log(f"JSON written to {args.json}")
    return 1 if result.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
