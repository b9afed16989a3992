#!/usr/bin/env python3
# ruff: noqa: E501 - HTML templates read better on one line
"""Hostile page shapes: the lxml parse of each page against syndcheck's check of it, in process
(`compliance.engine.check_bytes`) and through the CLI (`syndcheck check FILE`).

    python benchmarks/hostile.py                      # every shape, default sizes
    python benchmarks/hostile.py attrs-distinct:30000 # one shape at one size (repeatable)
    python benchmarks/hostile.py --timeout 120        # seconds before a measurement is given up

Each measurement runs in a child process stopped after `--timeout` seconds (printed as `> N s`),
so a shape whose cost grows with the square of its size cannot stall the run. The page is a
compliant sample with the shape inside its article. Printed: the shape, its size, the page's bytes, the parse, the in-process check and its ratio to the parse, the CLI's
wall time and exit status, and the first line the CLI wrote to stderr. See docs/performance.md
("Limits on hostile pages").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A compliant DCNF republication (27 KB), so that a pack applies and the whole check runs; the
# hostile markup goes inside its article, before the end of the article.
SAMPLE = (HERE.parent / "samples" / "dcnf" / "compliant-wordpress.html").read_bytes()


def _page(fragment: bytes) -> bytes:
    return SAMPLE.replace(b"</article>", fragment + b"</article>", 1)


# Each shape: the markup of `n` of its units, and the sizes measured by default.
SHAPES: dict[str, tuple[Callable[[int], bytes], tuple[int, ...]]] = {
    "attrs-distinct": (lambda n: b"<div " + b" ".join(b"a%d=1" % i for i in range(n)) + b">x</div>", (1_000, 10_000, 30_000, 100_000)),
    "attrs-duplicate": (lambda n: b"<div " + b" a=1" * n + b">x</div>", (1_000, 10_000, 30_000, 100_000)),
    "attrs-bare": (lambda n: b"<div " + b" ".join(b"a%d" % i for i in range(n)) + b">x</div>", (10_000, 30_000, 100_000)),
    # The same number of attributes, 10 on each of n/10 elements.
    "attrs-spread": (lambda n: (b"<span " + b" ".join(b"a%d=1" % j for j in range(10)) + b">x</span>") * (n // 10), (1_000, 10_000, 30_000, 100_000)),
    "class-names": (lambda n: b'<div class="' + b" ".join(b"c%d" % i for i in range(n)) + b'">x</div>', (100_000,)),
    "style-declarations": (lambda n: b'<div style="' + b";".join([b"color:red"] * n) + b'">x</div>', (100_000,)),
    "selector-list": (lambda n: b"<style>" + b",".join(b".s%d" % i for i in range(n)) + b"{color:red}</style>", (50_000,)),
    "style-blocks": (lambda n: b"".join(b"<style>.s%d{color:red}</style>" % i for i in range(n)), (50_000,)),
    "nested-divs": (lambda n: b"<div>" * n + b"x" + b"</div>" * n, (100_000,)),
    "unclosed-b": (lambda n: b"<b>" * n + b"x", (100_000,)),
    "long-value": (lambda n: b'<div title="' + b"x" * n + b'">x</div>', (10_000_000,)),
    "references": (lambda n: b"<p>" + b"&amp;" * n + b"</p>", (1_000_000,)),
}

CHILD = r"""
import json, sys, time
import lxml.html
from compliance.engine import check_bytes
from compliance.loading import load_packs
data = open(sys.argv[1], "rb").read()
packs = load_packs()
check_bytes(b"<p>warm</p>", "html", packs, path="warm.html")
t0 = time.perf_counter()
lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))
t1 = time.perf_counter()
refused = False
if sys.argv[2] == "check":
    try:
        check_bytes(data, "html", packs, path="x.html")
    except Exception as exc:  # a page refused before its parse (`InputError`)
        refused = type(exc).__name__ == "InputError"
        if not refused:
            raise
t2 = time.perf_counter()
print(json.dumps({"parse": t1 - t0, "check": t2 - t1, "refused": refused}))
"""


def _child(path: Path, what: str, timeout: float) -> dict[str, float | bool] | None:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), what], capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float | bool] = json.loads(done.stdout)
    return result


def _cli(path: Path, timeout: float) -> tuple[float | None, str, str]:
    t0 = time.perf_counter()
    try:
        # `python -m compliance`: the package this interpreter imports (PYTHONPATH may name a checkout).
        done = subprocess.run(
            [sys.executable, "-m", "compliance", "check", "--format", "concise", str(path)], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None, "-", ""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return time.perf_counter() - t0, str(done.returncode), (lines[0] if lines else "")[:160]


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:.3f} s"


def main(argv: list[str] | None = None) -> int:
    """Measure the shapes asked for (all by default) and print one row for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="SHAPE or SHAPE:SIZE")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--no-cli", action="store_true", help="leave out the CLI's run")
    args = parser.parse_args(argv)
    wanted = [(c.partition(":")[0], c.partition(":")[2]) for c in args.cases] or [(name, "") for name in SHAPES]
    print("| shape | size | bytes | parse | check | check/parse | CLI | exit | CLI stderr |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, size in wanted:
            make, sizes = SHAPES[name]
            for n in (int(size),) if size else sizes:
                path = Path(tmp) / f"{name}-{n}.html"
                path.write_bytes(_page(make(n)))
                timed = _child(path, "check", args.timeout)
                parse = timed["parse"] if timed else (_child(path, "parse", args.timeout) or {}).get("parse")
                check = timed["check"] if timed else None
                ratio = f"{check / parse:.1f}×" if check is not None and parse else "-"
                if timed and timed["refused"]:
                    ratio += " (refused)"
                cli, status, first = (None, "-", "not run") if args.no_cli else _cli(path, args.timeout)
                cli_time = "-" if args.no_cli else _seconds(cli, args.timeout)
                print(
                    f"| {name} | {n:,} | {path.stat().st_size:,} | {_seconds(parse, args.timeout)} | {_seconds(check, args.timeout)} | {ratio} | {cli_time} | {status} | {first} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
