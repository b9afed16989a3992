#!/usr/bin/env python3
"""The cost of a full check in this checkout against an earlier revision, on the same pages.

Usage:
    python benchmarks/compare_revisions.py REV [--size KB] [--rounds N] [--repeats N] [--limit PCT]

REV is any git revision of this repository (a commit, a tag, ``main~5``). Its ``compliance``
package is exported with ``git archive`` into a temporary folder and imported from there, so both
sides run with this interpreter and its installed dependencies; only the checker's own code
differs. Each side runs in a process of its own (two versions of one package cannot share an
interpreter), on the benchmark corpus's pages of the given size (``corpus.py``: the WordPress,
static and AMP layouts for every publisher, DCNF, ProPublica, The Conversation and unrelated local
news), with all built-in packs and auto-detection, as ``run.py`` times a full check. The two
sides alternate for ``--rounds`` rounds, so a change in the machine's load hits both alike; each
round times every page ``--repeats`` times, interleaved with the lxml parse of the same bytes.

Printed, per page and as the median over pages: the parse floor, each side's check in ms and its
ratio to the parse, and the cost of this checkout relative to REV (the ratio of the two check
medians, a figure that does not depend on the machine's speed). With ``--limit PCT`` the last
line is a verdict, ``met`` when the median cost is at most REV's plus PCT %, ``not met``
otherwise; it says ``undecided`` when the 1-minute load average was above 1 at the start or end.

Exit status: 0 after printing (whatever the verdict), 2 when REV is not a revision of this
repository or exports no ``compliance`` package.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import KB, LAYOUTS, Generator  # noqa: E402

DEFAULT_SEED = 20240627
PUBLISHERS = ("dcnf", "propublica", "conversation", "local")

# The child: imports `compliance` from the folder given first on sys.path, times every page.
CHILD = r"""
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
import lxml.html
from compliance.engine import check_bytes
from compliance.loading import load_packs
pages = json.loads(sys.stdin.read())
repeats = int(sys.argv[2])
packs = load_packs()
perf = time.perf_counter
out = []
for name, text in pages:
    data = text.encode("utf-8")
    check_bytes(data, "html", packs, path="x.html")  # warm-up: lazy compiles, caches
    gc.collect()
    parse, check = [], []
    for _ in range(repeats):
        t0 = perf()
        lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))
        t1 = perf()
        check_bytes(data, "html", packs, path="x.html")
        t2 = perf()
        parse.append(t1 - t0)
        check.append(t2 - t1)
    out.append([name, statistics.median(parse), statistics.median(check)])
print(json.dumps(out))
"""


class RevisionError(Exception):
    """The revision is not in this repository, or has no `compliance` package to measure."""


def export_revision(rev: str, into: Path) -> Path:
    """Write REV's `compliance/` and `rules/` under INTO and return INTO; raise RevisionError when it cannot."""
    try:
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "compliance", "rules"],
            check=True,
            capture_output=True,
        ).stdout
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["git archive failed"]
        raise RevisionError(f"{rev!r}: {message[0]} (give a commit, tag or branch of this repository)") from None
    with tarfile.open(fileobj=BytesIO(tar)) as archive:
        archive.extractall(into, filter="data")
    if not (into / "compliance" / "__init__.py").exists():
        raise RevisionError(f"{rev!r} has no compliance package")
    return into


def time_side(package_root: Path, pages: list[tuple[str, str]], repeats: int, cache: Path) -> list[tuple[str, float, float]]:
    """Run the child on PAGES with `compliance` imported from PACKAGE_ROOT: [(name, parse s, check s)].

    CACHE is the pack cache folder of this run (the user's own cache is neither read nor written).
    """
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(package_root), str(repeats)],
        input=json.dumps(pages),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SYNDCHECK_CACHE_DIR": str(cache)},
    )
    return [(name, parse, check) for name, parse, check in json.loads(done.stdout)]


def load_average() -> float:
    return os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the earlier revision (commit, tag or branch)")
    parser.add_argument("--size", type=int, default=100, help="page size in KB (default 100)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per side (default 3)")
    parser.add_argument("--repeats", type=int, default=10, help="timings per page per round (default 10)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--limit", type=float, help="allowed extra cost in percent, for a verdict")
    args = parser.parse_args(argv)

    generator = Generator(args.seed)
    pages = [
        (f"{layout}/{publisher}", generator.page(layout, publisher, args.size * KB).data.decode("utf-8")) for layout in LAYOUTS for publisher in PUBLISHERS
    ]
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="syndcheck-rev-") as scratch:
        try:
            earlier = export_revision(args.rev, Path(scratch) / "earlier")
        except RevisionError as error:
            print(f"compare_revisions: {error}", file=sys.stderr)
            return 2
        sides = {"earlier": earlier, "current": ROOT}
        runs: dict[str, list[list[tuple[str, float, float]]]] = {"earlier": [], "current": []}
        started = time.monotonic()
        for _ in range(args.rounds):
            for side, root in sides.items():
                runs[side].append(time_side(root, pages, args.repeats, Path(scratch) / "cache" / side))
    load_after = load_average()

    def per_page(side: str) -> dict[str, tuple[float, float]]:
        by_name: dict[str, tuple[list[float], list[float]]] = {}
        for run in runs[side]:
            for name, parse, check in run:
                entry = by_name.setdefault(name, ([], []))
                entry[0].append(parse)
                entry[1].append(check)
        return {name: (statistics.median(p), statistics.median(c)) for name, (p, c) in by_name.items()}

    earlier_pages, current_pages = per_page("earlier"), per_page("current")
    print(f"# Full check, this checkout against {args.rev} ({args.size} KB pages, all built-in packs, auto-detection)")
    print()
    print(
        f"{len(pages)} pages × {args.rounds} alternating rounds × {args.repeats} repeats; {time.monotonic() - started:.0f} s; "
        f"1-minute load average {load_before:.2f} at the start, {load_after:.2f} at the end."
    )
    print()
    print(f"| page | lxml parse | check at {args.rev} | ratio | check now | ratio | now ÷ then |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    costs = []
    for name, _ in pages:
        parse_then, check_then = earlier_pages[name]
        parse_now, check_now = current_pages[name]
        cost = check_now / check_then
        costs.append(cost)
        print(
            f"| {name} | {parse_now * 1e3:.2f} ms | {check_then * 1e3:.1f} ms | {check_then / parse_then:.1f}× "
            f"| {check_now * 1e3:.1f} ms | {check_now / parse_now:.1f}× | {cost:.2f}× |"
        )
    median_cost = statistics.median(costs)
    print()
    print(f"median cost now ÷ then: {median_cost:.2f}× ({(median_cost - 1) * 100:+.0f} %)")
    if args.limit is not None:
        busy = max(load_before, load_after) > 1.0
        if busy:
            verdict = f"undecided: the machine was busy (load average {max(load_before, load_after):.2f}); re-run when idle"
        elif median_cost <= 1 + args.limit / 100:
            verdict = "met"
        else:
            verdict = "not met"
        print(f"at most {args.limit:g} % more than {args.rev}: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
