#!/usr/bin/env python3
"""Audit benchmark: throughput of `syndcheck audit` over a generated WARC file (pages per second, one
process against two Dask workers of a LocalCluster, with the shuffle join and with the map-side join),
and the matching step's cost as the number of stories grows.

    python benchmarks/audit_throughput.py                          # 20,000 pages; matching with 1,000 and 10,000 stories
    python benchmarks/audit_throughput.py --pages 2000 --match 200 1000   # a smaller run

The web is the synthetic one of examples/audit (seeded): the publisher's stories, copies of them on
40 partner sites (compliant, stripped, truncated, edited) and unrelated local news, written with
warcio into a temporary directory that is removed afterwards. Nothing is fetched. Figures go to
stdout as Markdown; see docs/performance.md. Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import io
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import compliance  # noqa: F401
except ImportError:  # not installed in this interpreter: use the checkout
    sys.path.insert(0, str(ROOT))

VARIANTS = ("compliant", "stripped", "truncated", "edited")
PARTNERS = 40


def _web() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic_web", ROOT / "examples" / "audit" / "synthetic_web.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


web = _web()
PUBLISHER = "https://publisher.example"


def write_crawl(folder: Path, *, stories: int, pages: int, copies_share: float, seed: int = 7) -> None:
    """originals/ (the stories) and crawl.warc.gz (`pages` response records: copies and unrelated pages)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    (folder / "originals").mkdir(parents=True)
    for i in range(stories):
        (folder / "originals" / f"story-{i}.html").write_bytes(web.original(PUBLISHER, i))
    with (folder / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(pages):
            host = f"https://partner-{rng.randrange(PARTNERS)}.example"
            if rng.random() < copies_share:
                body = web.copy(PUBLISHER, host, rng.randrange(stories), rng.choice(VARIANTS))
                url = f"{host}/news/{n}/"
            else:
                text = "<p>" + "</p><p>".join(web.story_paragraphs(100_000 + n)) + "</p>"
                body = web.page(f"Local news {n}", text, canonical=f"{host}/local/{n}/", site_name=host)
                url = f"{host}/local/{n}/"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))


def audit_throughput(folder: Path, workers: int) -> list[tuple[str, float, int, dict[str, Any], str]]:
    """(how, seconds, pages, report, note) for one process, then a LocalCluster of `workers` worker
    processes with the map-side join (the default) and with the shuffle join."""
    from distributed import LocalCluster

    from compliance.audit.distributed import dask_mapper
    from compliance.audit.run import load_audit_config, run_audit

    (folder / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: report/\n", encoding="utf-8")
    config = load_audit_config(folder / "audit.yaml")
    results = []
    started = time.perf_counter()
    report = run_audit(dataclasses.replace(config, output=folder / "single", state=folder / "single" / "state.sqlite"))
    results.append(("one process", time.perf_counter() - started, int(report["pages_read"]), report, _loads()))  # type: ignore[call-overload]
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        for join in ("broadcast", "shuffle"):
            with dask_mapper(cluster.scheduler_address, join=join) as mapper:  # type: ignore[arg-type]
                started = time.perf_counter()
                report = run_audit(dataclasses.replace(config, output=folder / join, state=folder / join / "state.sqlite"), mapper=mapper)
                seconds = time.perf_counter() - started
                again = sum(mapper.client.run(_parsed_again).values())
                mapper.client.run(_reset_parsed_again)
            how = f"Dask LocalCluster, {workers} worker processes, {'shuffle' if join == 'shuffle' else 'map-side'} join"
            note = _loads() + (f"; pages parsed a second time (check on another worker than the read): {again:,}" if join == "shuffle" else "")
            results.append((how, seconds, int(report["pages_read"]), report, note))  # type: ignore[call-overload]
    return results


def _parsed_again() -> int:
    from compliance.audit import run

    return run.parsed_again


def _reset_parsed_again() -> None:
    from compliance.audit import run

    run.parsed_again = 0


def _loads() -> str:
    return "load average after: " + " ".join(f"{x:.1f}" for x in _load())


def matching_cost(stories: int, probes: int = 500, seed: int = 11) -> tuple[float, float, float]:
    """Seconds to sign `stories` stories and build the index, and ms per page matched (a probe set of copies and unrelated pages)."""
    from compliance.audit.matching import PageText, StoryIndex, shingles, signature

    def text(key: str, index: int) -> PageText:
        words = shingles(" ".join(web.story_paragraphs(index)))
        return PageText(key, words, frozenset(), (), "", signature=signature(words))

    started = time.perf_counter()
    index = StoryIndex([text(f"story-{i}", i) for i in range(stories)])
    rng = random.Random(seed)
    build = time.perf_counter() - started
    pages = [text(f"page-{n}", rng.randrange(stories) if n % 2 else 200_000 + n) for n in range(probes)]
    started = time.perf_counter()
    index.match(pages[0], threshold=0.5)  # the LSH tables are built on first use
    first = time.perf_counter() - started
    times = []
    matched = 0
    for page in pages:
        started = time.perf_counter()
        matched += index.match(page, threshold=0.5) is not None
        times.append(time.perf_counter() - started)
    assert matched == probes // 2, f"{matched} of {probes} probes matched; expected {probes // 2}"
    return build, first, 1000 * statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=20_000, help="WARC records to audit (default 20,000)")
    parser.add_argument("--stories", type=int, default=200, help="the publisher's stories in the audit (default 200)")
    parser.add_argument("--copies", type=float, default=0.4, help="share of pages that are copies (default 0.4)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--match", type=int, nargs="*", default=[1_000, 10_000], help="story counts for the matching cost (default 1000 10000)")
    args = parser.parse_args(argv)
    print(f"# Audit benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n")
    print(f"CPython {platform.python_version()}, {platform.machine()}, load average before: {' '.join(f'{x:.1f}' for x in _load())}\n")
    folder = Path(tempfile.mkdtemp(prefix="syndcheck-audit-bench-"))
    try:
        started = time.perf_counter()
        write_crawl(folder, stories=args.stories, pages=args.pages, copies_share=args.copies)
        size = (folder / "crawl.warc.gz").stat().st_size
        took = time.perf_counter() - started
        print(f"Generated {args.pages:,} pages ({args.stories} stories, {args.copies:.0%} copies) in {took:.1f} s; WARC {size / 1e6:.1f} MB\n")
        print("| audit over the WARC | seconds | pages | pages/s |\n|---|---:|---:|---:|")
        runs = audit_throughput(folder, args.workers)
        for how, seconds, pages, _, _ in runs:
            print(f"| {how} | {seconds:.1f} | {pages:,} | {pages / seconds:.1f} |")
        print()
        for how, _, _, _, note in runs:
            print(f"- {how}: {note}")
        same = all(run[3] == runs[0][3] for run in runs[1:])
        speedups = "; ".join(f"{run[0].split(', ')[-1]} {runs[0][1] / run[1]:.2f}×" for run in runs[1:])
        copies = runs[0][3]["copies"]
        print(f"\nSpeed-up with {args.workers} workers over one process: {speedups}; reports identical: {'yes' if same else 'NO'}; copies: {copies:,}\n")
        print("| stories | sign and index | LSH tables (first match) | match one page (median) |\n|---:|---:|---:|---:|")
        for stories in args.match:
            build, first, per_page = matching_cost(stories)
            print(f"| {stories:,} | {build:.1f} s | {first:.2f} s | {per_page:.2f} ms |")
        print(f"\nLoad average after: {' '.join(f'{x:.1f}' for x in _load())}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _load() -> tuple[float, float, float]:
    import os

    return os.getloadavg()


if __name__ == "__main__":
    sys.exit(main())
