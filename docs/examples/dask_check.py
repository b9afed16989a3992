"""Check a directory of articles with Dask: one `compliance.api.check_bytes` call per article.

    python docs/examples/dask_check.py ARCHIVE_DIR [--scheduler processes|threads|synchronous]

Prints one line per article with findings and a total. The same function runs anywhere a
function of (path, bytes) can run: see docs/performance.md for the Spark form.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import dask.bag as db

from compliance.api import Report, check_bytes
from compliance.loading import ARTICLE_SUFFIXES


def read(path: str) -> tuple[str, bytes]:
    """The (path, bytes) pair a worker checks; reading happens in the worker too."""
    return path, Path(path).read_bytes()


def check_archive(directory: Path, *, scheduler: str = "processes", partitions: int = 8) -> list[Report]:
    """Every article under `directory`, checked in parallel, reports in file order."""
    paths = sorted(str(p) for p in directory.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths)))).map(read).map(check_bytes)
    reports: list[Report] = bag.compute(scheduler=scheduler)
    return reports


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--scheduler", default="processes", choices=("processes", "threads", "synchronous"))
    args = parser.parse_args(argv)
    reports = check_archive(args.directory, scheduler=args.scheduler)
    for report in reports:
        if report.findings:
            print(f"{report.path}: {', '.join(f.rule for f in report.findings)}")
    print(f"{len(reports)} articles, {sum(len(r.findings) for r in reports)} findings")
    return 1 if any(r.findings for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
