#!/usr/bin/env python3
# ruff: noqa: E501 - Markdown rows read better on one line
"""Load benchmark of `syndcheck serve`: `POST /v1/check` with 100 KB articles from 8 concurrent
clients over loopback, for a bounded time; requests/s, p50/p99 latency next to the in-process
check time, and the server's memory over 10,000 requests.

    python benchmarks/serve_load.py                    # 10,000 requests (stops at --max-seconds)
    python benchmarks/serve_load.py --requests 800     # a short smoke run
    python benchmarks/serve_load.py --json out.json    # default benchmarks/results/serve-latest.json

The server runs as `python -m compliance serve` on 127.0.0.1 with its default worker count (one
per core); the clients are threads of this process with keep-alive connections, so on a 2-core
machine they compete with the server for the CPU, as a CMS on the same host would. Memory is the
resident set of the server's processes (parent and workers, from /proc) after warm-up and every
1,000 requests. Markdown goes to stdout, progress to stderr. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import LAYOUTS, Generator

ARTICLE_SIZE = 100 * 1024
PUBLISHERS = ("dcnf", "dcnf-flawed", "propublica", "conversation", "local")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_kib(pid: int) -> int:
    """Resident set of a process and its descendants, in KiB (Linux /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(c) for c in children)
        except (OSError, StopIteration):
            continue
    return total


def in_process_ms(articles: list[bytes]) -> float:
    """Median time of the same check in this process (packs loaded once), in ms."""
    from compliance.runner import Runner, RunOptions

    runner = Runner(RunOptions())
    for data in articles[:5]:
        runner.check_article(data, "html", name="warm.html")
    times = []
    for data in articles * 3:
        started = time.perf_counter()
        runner.check_article(data, "html", name="article.html")
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def wait_ready(port: int, process: subprocess.Popen[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not become ready")


class Load:
    """8 client threads sharing a request budget; latencies and memory samples."""

    def __init__(self, port: int, articles: list[bytes], total: int, max_seconds: float, server_pid: int, clients: int) -> None:
        self.port = port
        self.articles = articles
        self.total = total
        self.deadline = time.monotonic() + max_seconds
        self.server_pid = server_pid
        self.clients = clients
        self.lock = threading.Lock()
        self.issued = 0
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.memory: list[tuple[int, int]] = []

    def _next(self) -> int | None:
        with self.lock:
            if self.issued >= self.total or time.monotonic() > self.deadline:
                return None
            self.issued += 1
            return self.issued

    def _record(self, number: int, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            done = len(self.latencies)
        if done % 1000 == 0:
            self.memory.append((done, rss_kib(self.server_pid)))
            log(f"  {done} requests")
        del number

    def client(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while (number := self._next()) is not None:
            body = self.articles[number % len(self.articles)]
            started = time.perf_counter()
            connection.request("POST", "/v1/check", body=body, headers={"Content-Type": "text/html"})
            response = connection.getresponse()
            response.read()
            self._record(number, time.perf_counter() - started, response.status)
        connection.close()

    def run(self) -> float:
        threads = [threading.Thread(target=self.client) for _ in range(self.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10_000, help="requests in the measured run (default 10,000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--max-seconds", type=float, default=300, help="stop the measured run after this long (default 300)")
    parser.add_argument("--warm-up", type=int, default=200, help="requests before measuring (default 200)")
    parser.add_argument("--json", type=Path, default=Path(__file__).resolve().parent / "results" / "serve-latest.json")
    args = parser.parse_args()

    generator = Generator(20240627)
    articles = [generator.page(layout, publisher, ARTICLE_SIZE).data for layout in LAYOUTS for publisher in PUBLISHERS]
    log(f"{len(articles)} articles of {ARTICLE_SIZE // 1024} KB (mean {statistics.mean(len(a) for a in articles) / 1024:.0f} KB)")
    local_ms = in_process_ms(articles)
    log(f"in-process check: {local_ms:.1f} ms")

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "compliance", "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(port, server)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        # uvicorn's worker processes, not multiprocessing's resource tracker.
        workers = sum(1 for c in children if b"resource_tracker" not in Path(f"/proc/{c}/cmdline").read_bytes())
        log(f"server ready on 127.0.0.1:{port} ({workers} worker processes); warming up")
        Load(port, articles, args.warm_up, 120, server.pid, args.clients).run()
        before = rss_kib(server.pid)
        log(f"measuring {args.requests} requests from {args.clients} clients (at most {args.max_seconds:g} s)")
        load = Load(port, articles, args.requests, args.max_seconds, server.pid, args.clients)
        elapsed = load.run()
        after = rss_kib(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    done = len(load.latencies)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "python": sys.version.split()[0],
        "article_bytes": ARTICLE_SIZE,
        "clients": args.clients,
        "workers": workers,
        "requests": done,
        "requests_asked": args.requests,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(done / elapsed, 1),
        "p50_ms": round(percentile(load.latencies, 0.50) * 1000, 1),
        "p99_ms": round(percentile(load.latencies, 0.99) * 1000, 1),
        "in_process_ms": round(local_ms, 2),
        "statuses": load.statuses,
        "rss_after_warm_up_mib": round(before / 1024, 1),
        "rss_end_mib": round(after / 1024, 1),
        "rss_samples_mib": [(n, round(kib / 1024, 1)) for n, kib in load.memory],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    growth = after / before if before else 0.0
    print(f"## `syndcheck serve` under load ({result['date']}, {result['cpus']} cores, load average {result['load_average']:.1f} at the end)\n")
    print("| measure | figure |")
    print("|---|---|")
    print(f"| requests | {done:,} of {args.requests:,} asked, {args.clients} clients, {workers} worker processes, {ARTICLE_SIZE // 1024} KB articles |")
    print(f"| throughput | {result['requests_per_second']} requests/s ({elapsed:.1f} s) |")
    print(f"| latency | p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms |")
    print(f"| the same check in-process | {result['in_process_ms']} ms (one core) |")
    print(f"| answers | {', '.join(f'{count:,} × {status}' for status, count in sorted(load.statuses.items()))} |")
    samples = ", ".join(f"{n:,}: {mib} MiB" for n, mib in result["rss_samples_mib"])
    print(
        f"| server memory (all processes) | {result['rss_after_warm_up_mib']} MiB after warm-up → {result['rss_end_mib']} MiB after {done:,} requests ({growth:.2f}×); {samples} |"
    )


if __name__ == "__main__":
    main()
