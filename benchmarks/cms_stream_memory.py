#!/usr/bin/env python3
"""Peak memory of checking a large CMS JSON-lines stream (target: a 200 MB stream under 150 MB).

    python benchmarks/cms_stream_memory.py              # 200 MB stream, --format jsonl to /dev/null
    python benchmarks/cms_stream_memory.py --mb 20      # a smaller stream
    python benchmarks/cms_stream_memory.py --format text

The stream is written to a temporary directory (removed afterwards): payloads of about 100 KB
each, real article pages from samples/ with a headline and an id, one JSON object per line. The
CLI runs in a child process and its peak resident set size is read with `resource.getrusage`
(RUSAGE_CHILDREN, which is the peak of the largest child). Run it with the Python of the
environment syndcheck is installed in.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "samples" / "dcnf" / name for name in ("compliant-static.html", "no-logo.html", "compliant-wordpress.html")]


def write_stream(path: Path, megabytes: int) -> int:
    """A JSON-lines stream of at least `megabytes` MB; returns its size in bytes."""
    pages = [page.read_text(encoding="utf-8") for page in PAGES]
    target = megabytes * 1024 * 1024
    size = 0
    number = 0
    with path.open("w", encoding="utf-8") as handle:
        while size < target:
            page = pages[number % len(pages)]
            padding = "<p>" + "The council met on Tuesday to discuss the budget. " * 1800 + "</p>"
            html = page.replace("</article>", padding + "</article>", 1)
            line = json.dumps({"id": f"story-{number:05}", "headline": f"Story {number}", "html": html}) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            number += 1
    return size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=200, help="stream size in MB (default 200)")
    parser.add_argument("--format", default="jsonl", help="output format (default jsonl)")
    args = parser.parse_args()
    syndcheck = Path(sys.executable).with_name("syndcheck")
    with tempfile.TemporaryDirectory() as directory:
        stream = Path(directory) / "outbox.jsonl"
        size = write_stream(stream, args.mb)
        started = time.perf_counter()
        with open("/dev/null", "w") as sink:
            done = subprocess.run(
                [str(syndcheck), "check", "--input-kind", "cms-json", "--format", args.format, str(stream)], stdout=sink, stderr=subprocess.PIPE, text=True
            )
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux reports KiB
    print(f"stream: {size / 1024 / 1024:.0f} MB; exit code {done.returncode}; {elapsed:.0f} s; peak RSS {peak_mb:.0f} MB (target: under 150 MB)")
    if done.returncode not in (0, 1):
        print(done.stderr[-2000:], file=sys.stderr)
    return 0 if peak_mb < 150 and done.returncode in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
