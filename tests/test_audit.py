"""`syndcheck audit` against a synthetic web on 127.0.0.1: the planted compliance rates come out,
the HTTP and WARC runs agree, robots.txt and the rate limit hold (the server's log shows it), hostile
sites are reported without stopping the audit, and a stopped audit resumes without refetching."""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import itertools
import json
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT, run_at_a_terminal

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

EXAMPLE = ROOT / "examples" / "audit"


def _web() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic_web", EXAMPLE / "synthetic_web.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


web = _web()


@pytest.fixture(scope="module", autouse=True)
def loopback_only(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """No request leaves loopback: in this process and in every Python process these tests start
    (the command line, Dask's workers and pools), a connection or lookup elsewhere is refused and
    logged, and the log must be empty when the module's tests are done."""
    import os

    from tests import loopback_only as guard

    folder = tmp_path_factory.mktemp("loopback-guard")
    shutil.copyfile(Path(guard.__file__), folder / "sitecustomize.py")
    log = folder / "refused.log"
    log.touch()
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", guard.LOG_VARIABLE)}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder), saved["PYTHONPATH"]) if p)
    os.environ[guard.LOG_VARIABLE] = str(log)
    socket_functions = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)
    guard.install(str(log))
    try:
        yield log
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = socket_functions  # type: ignore[method-assign]
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert log.read_text(encoding="utf-8") == "", "requests that would have left loopback"


FAST = "fetch: {rate: 20, concurrency: 2, timeout: 1, max-bytes: 1000000, retries: 1, backoff: 0.05}\n"


def _rates(report: dict[str, Any], names: dict[str, str]) -> dict[str, float]:
    hosts = {v.split("//")[1]: k for k, v in names.items()}
    return {hosts.get(s["site"], s["site"]): s["compliance_rate"] for s in report["sites"]}


def _story_copies(report: dict[str, Any], base: dict[str, str]) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Per story: (partner, matched_by, findings), independent of where the pages were read."""
    hosts = {v: k for k, v in base.items()}
    out = {}
    for story in report["stories"]:
        copies = []
        for c in story["copies"]:
            origin = next(h for h in hosts if c["url"].startswith(h))
            copies.append((hosts[origin], c["matched_by"], c["findings"]))
        out[story["story"]] = sorted(copies)
    return out


@pytest.fixture(scope="module")
def served() -> Any:
    with web.serve(lifetime=300) as (base, log):
        yield base, log


def _write_originals(folder: Path, publisher: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(web.STORIES):
        (folder / f"story-{i}.html").write_bytes(web.original(publisher, i))


def _http_config(tmp: Path, base: dict[str, str], *, stories: str = "{folder: originals/}", hostile: bool = True) -> Path:
    _write_originals(tmp / "originals", base["publisher"])
    sites = "".join(f"  - site: {{sitemap: {base[name]}/sitemap.xml}}\n" for name in web.PARTNERS)
    if hostile:
        sites += f"  - site: {{urls: [{', '.join(web.hostile_urls(base))}]}}\n"
    text = f"pack: dcnf\nstories: {stories}\nsources:\n{sites}output: report/\n{FAST}"
    (tmp / "audit.yaml").write_text(text, encoding="utf-8")
    return tmp / "audit.yaml"


def test_http_audit_finds_the_planted_truth_and_reports_hostile_sites(served: Any, cli: Any, tmp_path: Path) -> None:
    base, log = served
    config = _http_config(tmp_path, base)
    run = cli("audit", str(config))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert _rates(report, base) == pytest.approx(web.PLANTED, abs=1e-4)
    problems = {p["url"]: p["problem"] for p in report["problems"]}
    robots, slow, broken, loop, huge = web.hostile_urls(base)
    assert problems[robots] == "disallowed by robots.txt"
    assert problems[slow].startswith("no answer within timeout (1 s)")
    assert problems[broken] == "HTTP 500"
    assert problems[loop] == "more than 5 redirects"
    assert problems[huge] == "larger than 1000000 bytes; not read — raise max-bytes under fetch: in the audit file to read it"
    # robots.txt read, the page it forbids never asked for; the 500 retried once.
    assert log.paths("robots-closed") == ["/robots.txt"]
    assert log.paths("broken").count("/news/story-2/") == 2
    # One unrelated page per partner matched no story and was not checked.
    assert report["unmatched_pages"] == len(web.PARTNERS)
    agents = {agent for _, _, agent, _ in log.entries}
    assert len(agents) == 1 and agents.pop().startswith("syndcheck-audit/")
    for name in ("sites.csv", "stories.csv", "dashboard.html"):
        assert (tmp_path / "report" / name).stat().st_size > 0


def test_the_rate_limit_spaces_requests_to_one_host(served: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.audit import fetching
    from compliance.audit.run import load_audit_config, run_audit

    base, log = served
    config = _http_config(tmp_path, base)
    config.write_text(config.read_text(encoding="utf-8").replace("rate: 20", "rate: 5"), encoding="utf-8")
    booked: list[tuple[str, float]] = []
    wait_turn = fetching.HostGate.wait_turn

    def booking(gate: Any) -> float:
        start = wait_turn(gate)
        booked.append((gate.host, start))
        return start

    monkeypatch.setattr(fetching.HostGate, "wait_turn", booking)
    started = len(log.entries)
    run_audit(load_audit_config(config))
    arrived = sorted(t for site, _, _, t in log.entries[started:] if site == "partner-a")
    turns = sorted(t for host, t in booked if host == base["partner-a"].split("//")[1])
    assert len(arrived) == len(turns) == 7  # robots.txt, sitemap.xml, four copies, one unrelated page
    # Turns are booked at least 0.2 s apart at 5 per second (without the limit the pool of eight asks
    # for the five pages within milliseconds), and the server's log shows no request arriving before
    # its turn: its k-th request came at least 0.2·k s after the first turn. Both hold whatever the
    # machine's load (a late request only widens the gaps), so no wall-clock margin is needed.
    assert all(b - a >= 0.2 - 1e-9 for a, b in itertools.pairwise(turns))
    assert all(arrival >= turn for arrival, turn in zip(arrived, turns, strict=True))
    assert all(arrival - turns[0] >= 0.2 * k - 1e-9 for k, arrival in enumerate(arrived))


def test_the_host_gate_books_each_turn_one_interval_after_the_last() -> None:
    from compliance.audit.config import FetchLimits
    from compliance.audit.fetching import HostGate

    now = [100.0]
    slept: list[float] = []
    gate = HostGate("partner.example", FetchLimits(rate=5), clock=lambda: now[0], sleep=slept.append)
    # Four requests asked for at once start 0.2 s apart; each waits until its turn.
    assert [gate.wait_turn() for _ in range(4)] == pytest.approx([100.0, 100.2, 100.4, 100.6])
    assert slept == pytest.approx([0.2, 0.4, 0.6])
    # A host left alone longer than the interval is asked at once.
    now[0] = 101.0
    assert gate.wait_turn() == 101.0 and len(slept) == 3
    now[0] = 101.1
    assert gate.wait_turn() == pytest.approx(101.2) and slept[-1] == pytest.approx(0.1)


def test_robots_txt_is_fetched_once_per_host_when_threads_race() -> None:
    import threading
    from collections import Counter
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from compliance.audit.config import FetchLimits
    from compliance.audit.fetching import Fetcher

    asked: Counter[str] = Counter()
    counting = threading.Lock()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with counting:
                asked[self.path] += 1
            if self.path == "/robots.txt":
                # A slow robots.txt: the other threads ask for their pages while it is on its way.
                time.sleep(0.3)
                body = b"User-agent: *\nDisallow: /private/\n"
            else:
                body = b"<html><body><p>a page</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    fetcher = Fetcher(FetchLimits(rate=1000, concurrency=8, timeout=5, retries=0))
    start = threading.Barrier(8)
    answers: dict[str, str] = {}

    def read(number: int) -> None:
        url = f"{base}/{'private' if number % 2 else 'news'}/story-{number}/"
        start.wait()
        fetched = fetcher.get(url)
        answers[url] = fetched.problem or str(fetched.status)

    try:
        threads = [threading.Thread(target=read, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        fetcher.close()
        server.shutdown()
        server.server_close()
    assert asked["/robots.txt"] == 1
    # Every thread heard the same rules: the pages it allows were fetched, the others never asked for.
    assert answers == {f"{base}/{'private' if n % 2 else 'news'}/story-{n}/": "disallowed by robots.txt" if n % 2 else "200" for n in range(8)}
    assert sorted(asked) == ["/news/story-0/", "/news/story-2/", "/news/story-4/", "/news/story-6/", "/robots.txt"]


def test_violations_over_time_follow_the_copies_publication_months(served: Any, tmp_path: Path) -> None:
    from compliance.audit.report import dashboard_html
    from compliance.audit.run import load_audit_config, run_audit

    base, _ = served
    report = run_audit(load_audit_config(_http_config(tmp_path, base)))
    planted: dict[str, list[str]] = {}
    for carried in web.PARTNERS.values():
        for index, variant in carried.items():
            planted.setdefault(web.published(index)[:7], []).append(variant)
    assert [(m["month"], m["copies"], m["compliant"]) for m in report["over_time"]] == [
        (month, len(variants), sum(v != "stripped" for v in variants)) for month, variants in sorted(planted.items())
    ]
    # Each stripped copy misses the logo: one dcnf/logo finding per stripped copy, in its month.
    assert {m["month"]: m["violations"].get("dcnf/logo", 0) for m in report["over_time"]} == {
        month: variants.count("stripped") for month, variants in planted.items()
    }
    page = dashboard_html(report)
    assert page.count("<svg") == 3 and "Violations over time" in page
    assert {c["published"] for s in report["stories"] for c in s["copies"]} == {web.published(i)[:10] for i in range(web.STORIES)}


def test_warc_and_http_runs_agree(served: Any, tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    base, _ = served
    http = run_audit(load_audit_config(_http_config(tmp_path / "http", base)))
    (tmp_path / "warc").mkdir()
    _write_originals(tmp_path / "warc" / "originals", base["publisher"])
    web.write_warc(tmp_path / "warc" / "crawl.warc.gz", base, tuple(web.PARTNERS))
    (tmp_path / "warc" / "audit.yaml").write_text(
        "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: report/\n", encoding="utf-8"
    )
    archived = run_audit(load_audit_config(tmp_path / "warc" / "audit.yaml"))
    assert archived["sites"] == http["sites"]
    assert archived["stories"] == http["stories"]
    assert archived["unmatched_pages"] == http["unmatched_pages"]


def test_stories_from_the_publishers_feed_and_sitemap(served: Any, tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    base, _ = served
    by_feed = run_audit(load_audit_config(_http_config(tmp_path / "feed", base, stories=f"{{feed: {base['publisher']}/feed.xml}}")))
    by_sitemap = run_audit(load_audit_config(_http_config(tmp_path / "sitemap", base, stories=f"{{sitemap: {base['publisher']}/sitemap.xml}}")))
    assert [s["story"] for s in by_feed["stories"]] == [web.story_url(base["publisher"], i) for i in range(web.STORIES)]
    assert by_feed["stories"] == by_sitemap["stories"]
    assert _rates(by_feed, base) == pytest.approx(web.PLANTED, abs=1e-4)


def _urls(base: dict[str, str], entries: Any) -> list[str]:
    return [base[site] + path for site, path, *_ in entries]


def test_a_killed_audit_resumes_without_asking_again_for_what_it_fetched(served: Any, cli: Any, tmp_path: Path) -> None:
    base, log = served
    config = _http_config(tmp_path, base)
    # Slower, so that the kill lands while pages are being fetched.
    config.write_text(config.read_text(encoding="utf-8").replace("rate: 20", "rate: 4"), encoding="utf-8")
    started = len(log.entries)
    audit = subprocess.Popen([sys.executable, "-m", "compliance", "audit", str(config)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while audit.poll() is None and time.monotonic() < deadline and sum("/news/" in p for p in _urls(base, log.entries[started:])) < 8:
        time.sleep(0.01)
    audit.kill()
    assert audit.wait() == -signal.SIGKILL, "the audit finished before it could be killed midway"
    with contextlib.closing(sqlite3.connect(tmp_path / "report" / "audit-state.sqlite")) as db:
        done = {url for (url,) in db.execute("select url from fetched")}
    middle = len(log.entries)
    run = cli("audit", str(config))
    assert run.code == 0, run.err
    again = _urls(base, log.entries[middle:])
    # The killed run had robots.txt, sitemaps and pages; the resumed run asked for the rest, and for none of those.
    assert {u.rsplit("/", 1)[-1] for u in done} >= {"robots.txt", "sitemap.xml"} and any("/news/" in u for u in done)
    assert again and not set(again) & done
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert _rates(report, base) == pytest.approx(web.PLANTED, abs=1e-4)


def test_a_later_audit_asks_conditionally_and_checks_only_what_changed(served: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.audit import run as audit_run

    base, log = served
    config = audit_run.load_audit_config(_http_config(tmp_path, base))
    first = audit_run.run_audit(config)
    audited: list[str] = []
    audit_page = audit_run.audit_page

    def counted(page: Any, work: Any) -> Any:
        audited.append(page.key)
        return audit_page(page, work)

    monkeypatch.setattr(audit_run, "audit_page", counted)
    # partner-b adds the logo and the credit to its stripped copy of story 2.
    fixed = web.Response(body=web.copy(base["publisher"], base["partner-b"], 2, "compliant"), headers={"ETag": '"partner-b-2-fixed"'})
    log.change("partner-b", "/news/story-2/", fixed)
    middle = len(log.answers)
    try:
        second = audit_run.run_audit(config)
    finally:
        log.changed.clear()
    answers = {base[site] + path: status for site, path, status in log.answers[middle:] if site in web.PARTNERS and path.startswith("/news/")}
    changed = base["partner-b"] + "/news/story-2/"
    assert answers.pop(changed) == 200
    # Every other page is unchanged: asked with If-None-Match (the copies) or If-Modified-Since (the unrelated pages).
    assert len(answers) == sum(len(c) + 1 for c in web.PARTNERS.values()) - 1
    assert set(answers.values()) == {304}
    assert audited == [changed]
    assert _rates(first, base)["partner-b"] == 0.5 and _rates(second, base)["partner-b"] == 0.75
    assert [s for s in second["sites"] if s["site"] != base["partner-b"].split("//")[1]] == [
        s for s in first["sites"] if s["site"] != base["partner-b"].split("//")[1]
    ]


def test_the_readme_example_runs_as_documented(served: Any, cli: Any, tmp_path: Path) -> None:
    base, _ = served
    example = tmp_path / "audit"
    shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("audit-report", "__pycache__"))
    text = (example / "audit.yaml").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/sitemap.xml" in text
    (example / "audit.yaml").write_text(text.replace("http://127.0.0.1:8000", base["partner-a"]), encoding="utf-8")
    run = cli("audit", str(example / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((example / "audit-report" / "report.json").read_text(encoding="utf-8"))
    names = {**{n: f"http://{n}.example" for n in ("partner-b", "partner-c", "partner-d")}, "partner-a": base["partner-a"]}
    assert _rates(report, names) == pytest.approx(web.PLANTED, abs=1e-4)
    assert [s["story"] for s in report["stories"]] == [f"originals/story-{i}.html" for i in range(web.STORIES)]
    # The per-site and per-story tables and the dashboard say the same.
    import csv

    with (example / "audit-report" / "sites.csv").open(encoding="utf-8") as table:
        assert {row["site"]: float(row["compliance_rate"]) for row in csv.DictReader(table)} == {s["site"]: s["compliance_rate"] for s in report["sites"]}
    with (example / "audit-report" / "stories.csv").open(encoding="utf-8") as table:
        assert sorted((row["story"], row["url"]) for row in csv.DictReader(table)) == sorted(
            (s["story"], c["url"]) for s in report["stories"] for c in s["copies"]
        )
    dashboard = (example / "audit-report" / "dashboard.html").read_text(encoding="utf-8")
    assert dashboard.count("<svg") == 3 and all(f"<td>{s['site']}</td>" in dashboard for s in report["sites"])


def test_the_example_without_its_site_still_completes(cli: Any, tmp_path: Path) -> None:
    example = tmp_path / "audit"
    shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("audit-report", "__pycache__"))
    with web.serve(("publisher",), lifetime=30) as (base, _):
        dead = base["publisher"] + "/gone"
    (example / "audit.yaml").write_text((example / "audit.yaml").read_text(encoding="utf-8").replace("http://127.0.0.1:8000", dead), encoding="utf-8")
    run = cli("audit", str(example / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((example / "audit-report" / "report.json").read_text(encoding="utf-8"))
    assert [p["url"] for p in report["problems"]] == [dead + "/sitemap.xml"]
    assert {s["site"] for s in report["sites"]} == {"partner-b.example", "partner-c.example", "partner-d.example"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources: []\noutput: out/\n",
            "audit.yaml:3:10: sources is empty: the audit would look for copies nowhere — list where to look for copies, one a line:"
            " '- warc: crawl.warc.gz', '- site: {sitemap: http://…/sitemap.xml}' or '- folder: saved-pages/'",
        ),
        ("pack: dcnf\nstories: {folder: originals/}\nsources:\noutput: out/\n", "audit.yaml:3:9: sources is empty"),
        ("pack: dcnf\nstories: {folder: originals/}\nsources: {folder: originals/}\noutput: out/\n", "audit.yaml:3:10: sources must be a list"),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - site: {urls: []}\noutput: out/\n",
            "audit.yaml:4:18: urls is empty: it lists no page to read — e.g. {urls: [http://…, http://…]}",
        ),
        ("pack: dcnf\nstories: {folder: nowhere/}\nsources:\n  - folder: originals/\noutput: out/\n", "audit.yaml:2:19: folder not found"),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - site: {sitemap: ftp://x/s.xml}\noutput: out/\n",
            "audit.yaml:4:21: sitemap must be an http(s) URL",
        ),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: originals/\noutput: out/\nfetch: {rate: -1}\n",
            "audit.yaml:6:15: fetch rate must be a positive float",
        ),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: originals/\noutput: out/\nfetch: {rate: .inf}\n",
            "audit.yaml:6:15: fetch rate must be a finite number, not inf: it would set no limit",
        ),
        # The key it stands for is not also said to be missing.
        (
            "pack: dcnf\nstorys: {folder: originals/}\nsources:\n  - folder: originals/\noutput: out/\n",
            "audit.yaml:2:1: unknown key 'storys' — did you mean 'stories'?",
        ),
        # A key a source does not take is named at its place, beside the one it has or alone.
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: originals/\n    recurse: yes\noutput: out/\n",
            "audit.yaml:5:5: unknown key 'recurse' in a source",
        ),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - foldr: originals/\noutput: out/\n",
            "audit.yaml:4:5: unknown key 'foldr' in a source — did you mean 'folder'?",
        ),
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - site: {sitemap: http://a.example/s.xml, every: 1}\noutput: out/\n",
            "unknown key 'every' in a site source",
        ),
        (
            "pack: dcnf\nstories: {folder: originals/, feed: http://a.example/f}\nsources:\n  - folder: originals/\noutput: out/\n",
            "audit.yaml:2:10: stories must have exactly one of folder, sitemap, feed",
        ),
        # A list of URLs, not one.
        (
            "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - site: {urls: http://a.example/1/}\noutput: out/\n",
            "audit.yaml:4:18: urls must be a list of http(s) URLs",
        ),
        # Named at its place in the audit file, with the pack it may mean.
        (
            "pack: dcnff\nstories: {folder: originals/}\nsources:\n  - folder: originals/\noutput: out/\n",
            "audit.yaml:1:7: unknown pack 'dcnff' — did you mean 'dcnf'?",
        ),
    ],
)
def test_configuration_errors_are_one_line_with_exit_2(cli: Any, tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "originals").mkdir()
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1
    assert expected in run.err


def test_every_mistake_of_the_audit_file_is_one_line_in_one_run(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    text = (
        "pack: dcfn\n"  # misspelt
        "stories: {folder: nowhere/}\n"
        "sources:\n"
        "  - site: {urls: [ftp://a.example/1/, http://a.example/2/, 'http://[::1/x']}\n"
        "  - folder: originals/\n"
        "  - warc: {file: crawl.warc.gz}\n"
        "output: originals/report/\n"
        "fetch: {rate: 0, timout: 3, retries: 1}\n"
        "extra: 1\n"
    )
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    at = f"syndcheck: error: {tmp_path / 'audit.yaml'}"
    assert run.code == 2
    assert run.err.splitlines() == [
        f"{at}:1:7: unknown pack 'dcfn' — did you mean 'dcnf'?",
        f"{at}:2:19: folder not found: {tmp_path / 'nowhere'} — paths are relative to the audit file",
        f"{at}:4:19: URL must be an http(s) URL, not 'ftp://a.example/1/'",
        f"{at}:4:60: 'http://[::1/x' is not a URL a browser can read — check the URL's host, its brackets and its port",
        f"{at}:6:11: warc must be a non-empty string",
        f"{at}:7:9: output {tmp_path / 'originals' / 'report'} is inside {tmp_path / 'originals'}, a folder the audit reads"
        " — write the reports to a folder outside the stories and sources",
        f"{at}:8:15: fetch rate must be a positive float",
        f"{at}:8:18: unknown fetch setting 'timout' — did you mean 'timeout'?",
        f"{at}:9:1: unknown key 'extra' — known keys: pack, stories, sources, output, state, fetch, match",
        "exit 2: 9 errors",
    ]
    assert not (tmp_path / "originals" / "report").exists()


def test_the_readmes_audit_file_mistakes_are_what_the_audit_says(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    (tmp_path / "originals" / "story.html").write_bytes(web.original("https://dailycallernewsfoundation.org", 0))
    (tmp_path / "audit.yaml").write_text("pack: dcfn\nstories: {folder: originals/}\nsources: []\noutput: out/\n", encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("<!-- audit-file-mistakes -->\n```\n", 1)[1].split("```", 1)[0]
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    assert run.err == example.replace("error: audit.yaml:", f"error: {tmp_path / 'audit.yaml'}:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pack: [dcnf\n", "audit.yaml:2:1: invalid YAML: did not find expected ',' or ']'"),
        ("pack: dcnf\nstories: {folder: originals/\n", "audit.yaml:3:1: invalid YAML: did not find expected ',' or '}'"),
        ("pack: dcnf\n  stories: {folder: originals/}\n", "audit.yaml:2:10: invalid YAML: mapping values are not allowed in this context"),
    ],
)
def test_an_audit_file_that_is_not_yaml_gets_a_hint_that_fits_an_audit_file(cli: Any, tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    (line,) = run.err.splitlines()
    assert line.endswith(
        f"{expected} — check the indentation and that every bracket and quote is closed; put a path or URL that holds ': ' or ' #' in quotes"
    ), line


def test_zero_retries_is_no_retry_and_a_negative_count_says_what_is_allowed(cli: Any, tmp_path: Path) -> None:
    from compliance.audit.config import parse_audit_config

    (tmp_path / "originals").mkdir()
    head = "pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: originals/\noutput: out/\n"
    assert parse_audit_config(head + "fetch: {retries: 0}\n", tmp_path / "audit.yaml").fetch.retries == 0
    (tmp_path / "audit.yaml").write_text(head + "fetch: {retries: -1}\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert (run.code, run.err) == (
        2,
        f"syndcheck: error: {tmp_path / 'audit.yaml'}:6:18: fetch retries must be a whole number, 0 or more (0: a failed fetch is not tried again)\n",
    )


def test_dashboard_is_self_contained_and_escapes_page_text() -> None:
    from compliance.audit.report import CheckedCopy, build_report, dashboard_html

    hostile = "<script>alert(1)</script>$x^2$"
    copy = CheckedCopy("story", "http://evil.example/" + hostile, hostile, 0.9, "text", ("dcnf/logo",), ("dcnf/logo",), (hostile,))
    page = dashboard_html(build_report([copy], pages=1, unmatched=0, problems=[], stories=["story"]))
    assert "<script" not in page and "&lt;script&gt;" in page
    # Self-contained: two inline charts, nothing loaded from elsewhere, no date that changes each run.
    assert page.count("<svg") == 2
    assert "src=" not in page and "<link" not in page and "url(http" not in page and "<dc:date>" not in page


def test_dashboard_ids_are_unique_and_every_reference_finds_its_own_chart() -> None:
    import re
    from html.parser import HTMLParser

    from compliance.audit.report import CheckedCopy, build_report, dashboard_html

    class Ids(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: list[str] = []
            self.references: list[str] = []
            self.charts = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.charts += tag == "svg"
            for name, value in attrs:
                if name == "id" and value is not None:
                    self.ids.append(value)
                elif value is not None and (name.endswith("href") or "url(#" in value):
                    self.references += re.findall(r"(?:^#|url\(#)([^)\s]+)", value)

    copies = [
        CheckedCopy("story", f"http://{site}/{month}", site, 0.9, "text", rules, rules, ("e",), f"2026-{month:02d}-01")
        for site, rules in (("a.example", ("dcnf/logo",)), ("b.example", ("dcnf/logo", "dcnf/byline")), ("c.example", ()))
        for month in (1, 2, 3)
    ]
    page = dashboard_html(build_report(copies, pages=9, unmatched=0, problems=[], stories=["story"]))
    parsed = Ids()
    parsed.feed(page)
    assert parsed.charts == 3  # by site, top violations, over time: each numbers its ids from 1
    repeated = sorted({i for i in parsed.ids if parsed.ids.count(i) > 1})
    assert repeated == []
    # Clip paths and markers are referenced by id: each reference names an id of the page.
    assert parsed.references and set(parsed.references) <= set(parsed.ids)
    # Each chart's ids start with its name; those the dashboard gives (a bar, an axes) are kept as they are.
    assert {i.split("-", 1)[0] for i in parsed.ids} == {"compliance", "violation", "timeline"}
    assert {"compliance-axes", "violation-axes", "compliance-bar-2", "violation-bar-1"} <= set(parsed.ids)
    assert re.search(r'<g id="compliance-bar-0"><title>a.example: 0% compliant', page)


def test_the_command_line_starts_without_the_audit_libraries() -> None:
    import subprocess

    libraries = "('warcio', 'datasketch', 'httpx', 'protego', 'usp', 'feedparser', 'matplotlib')"
    code = f"import sys, compliance.cli; print(sorted(m for m in {libraries} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def _partitions(output: Path) -> list[dict[str, Any]]:
    """The per-page results as the README reads them: JSON lines, one file per partition, with dask.bag."""
    import dask.bag as db

    return sorted(db.read_text(str(output / "pages" / "*.jsonl")).map(json.loads).compute(scheduler="sync"), key=lambda p: p["url"])


def test_dask_runs_equal_the_single_process_run(served: Any, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is in the audit extra: pip install -e '.[audit]'")
    import dataclasses

    from distributed import LocalCluster

    from compliance.audit.distributed import dask_mapper
    from compliance.audit.run import load_audit_config, run_audit

    base, _ = served
    # Without the hostile sites: how a slow site fails (no answer, or too slow to read) depends on the machine's load, not on the scheduler.
    config = load_audit_config(_http_config(tmp_path, base, hostile=False))

    def apart(name: str) -> Any:
        # Each run has its own state, so that none reuses another's outcomes.
        return dataclasses.replace(config, output=tmp_path / name, state=tmp_path / name / "state.sqlite")

    single = run_audit(apart("single"))
    with dask_mapper("local", partition_size=3) as mapper:
        threaded = run_audit(apart("threads"), mapper=mapper)
    with dask_mapper("local", partition_size=3, join="shuffle") as mapper:
        threaded_shuffle = run_audit(apart("threads-shuffle"), mapper=mapper, batch_pages=7)
    with dask_mapper("processes") as mapper:
        processes = run_audit(apart("processes"), mapper=mapper, batch_pages=7)
    # Two worker processes: the story index and the stories travel pickled, each worker parses the stories it needs.
    # The map-side join (the default) and the shuffle join on LSH band keys, with batches in flight.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        with dask_mapper(cluster.scheduler_address, partition_size=3) as mapper:
            assert mapper.join == "broadcast" and mapper.in_flight > 1
            clustered = run_audit(apart("cluster"), mapper=mapper, batch_pages=7)
        with dask_mapper(cluster.scheduler_address, partition_size=3, join="shuffle") as mapper:
            clustered_shuffle = run_audit(apart("cluster-shuffle"), mapper=mapper, batch_pages=7)
    assert threaded == single
    assert threaded_shuffle == single
    assert processes == single
    assert clustered == single
    assert clustered_shuffle == single
    assert _partitions(tmp_path / "cluster-shuffle") == _partitions(tmp_path / "single")
    assert _rates(clustered, base) == pytest.approx(web.PLANTED, abs=1e-4)
    pages = _partitions(tmp_path / "single")
    assert _partitions(tmp_path / "cluster") == pages
    assert len(list((tmp_path / "cluster" / "pages").glob("part-*.jsonl"))) == -(-single["pages_read"] // 7)
    assert sum(p["copy"] is not None for p in pages) == single["copies"] and len(pages) == single["pages_read"]


def test_the_readme_reads_the_page_partitions(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    config = load_audit_config(_example_without_its_site(tmp_path))
    report = run_audit(config, batch_pages=5)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("<!-- audit-partitions -->\n```python\n", 1)[1].split("```", 1)[0]
    # Run as a reader saves and runs it: a script, computed by dask.bag's default scheduler (processes).
    script = tmp_path / "partitions.py"
    script.write_text(snippet, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=config.output.parent, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    copies, by_site = done.stdout.strip().split(" ", 1)
    assert int(copies) == report["copies"]
    assert ast.literal_eval(by_site) == {s["site"]: s["copies"] for s in report["sites"]}
    assert sorted((config.output / "pages").glob("*.jsonl")) == [config.output / "pages" / f"part-0000{i}.jsonl" for i in range(3)]


def test_each_page_and_story_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy's match and its check read one parse; a story's parse serves its index entry and every copy's check."""
    from compliance.audit.run import load_audit_config, run_audit
    from compliance.document import html

    build = html._build_html_document
    parsed: list[str] = []

    def counted(root: Any, source: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(source)
        return build(root, source, *args, **kwargs)

    monkeypatch.setattr(html, "_build_html_document", counted)
    report = run_audit(load_audit_config(_example_without_its_site(tmp_path)), batch_pages=4)
    assert report["copies"] == 7 + 4 and report["pages_read"] == 14
    assert len(parsed) == web.STORIES + report["pages_read"]
    assert len(set(parsed)) == len(parsed)


def _example_without_its_site(tmp_path: Path) -> Path:
    example = tmp_path / "audit"
    shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("audit-report", "__pycache__"))
    text = (example / "audit.yaml").read_text(encoding="utf-8")
    (example / "audit.yaml").write_text(text.replace("  - site: {sitemap: http://127.0.0.1:8000/sitemap.xml}\n", ""), encoding="utf-8")
    return example / "audit.yaml"


def _audit_at_a_terminal(config: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run `syndcheck audit` with stdout and stderr on a pseudo-terminal; its exit code and all it wrote there."""
    return run_at_a_terminal([sys.executable, "-m", "compliance", "audit", str(config)], env)


SUMMARY = "11 copies of 4 stories on 3 sites; reports in "


def test_progress_shows_at_a_terminal(tmp_path: Path) -> None:
    import os

    from compliance.terminal import CI_VARIABLES

    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES} | {"TERM": "xterm-256color"}
    code, written = _audit_at_a_terminal(_example_without_its_site(tmp_path), env)
    assert code == 0, written
    assert "auditing: 4 stories" in written and "audited" in written
    assert SUMMARY in written


def test_no_progress_in_ci_even_at_a_terminal(tmp_path: Path) -> None:
    import os

    code, written = _audit_at_a_terminal(_example_without_its_site(tmp_path), {**os.environ, "CI": "true", "TERM": "xterm-256color"})
    assert code == 0, written
    assert written.strip().startswith(SUMMARY) and len(written.strip().splitlines()) == 1


def test_no_progress_when_not_at_a_terminal(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "CI"}
    run = subprocess.run(
        [sys.executable, "-m", "compliance", "audit", str(_example_without_its_site(tmp_path))], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.startswith(SUMMARY) and len(run.stdout.splitlines()) == 1


def test_audit_benchmark_explains_itself() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit_throughput.py"), "--help"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "--pages" in run.stdout and "--match" in run.stdout and "--workers" in run.stdout


def test_a_copy_with_the_originals_canonical_link_is_checked_and_the_publishers_own_page_is_not(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp_path / "originals", publisher)
    saved = tmp_path / "saved"
    saved.mkdir()
    # A partner's stripped copy whose republishing plugin kept the original's canonical link and
    # whose theme gives no og:site_name: a republication all the same.
    stripped = web.copy(publisher, "https://valley.example", 2, "stripped").decode()
    stripped = stripped.replace('href="https://valley.example/news/story-2/"', f'href="{web.story_url(publisher, 2)}"')
    stripped = stripped.replace('<meta property="og:site_name" content="The Valley Ledger">', "")
    (saved / "valley-story-2.html").write_text(stripped, encoding="utf-8")
    # The publisher's own page, saved: its og:site_name and canonical URL agree.
    (saved / "dcnf-story-1.html").write_bytes(web.original(publisher, 1))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: report/\n", encoding="utf-8")
    report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    copies = {c["url"]: c for story in report["stories"] for c in story["copies"]}
    assert set(copies) == {"saved/valley-story-2.html"}
    assert copies["saved/valley-story-2.html"]["matched_by"] == "text"
    assert "dcnf/affiliation" in copies["saved/valley-story-2.html"]["findings"]
    # The publisher's own page is its original: neither a copy nor a page that matched no story.
    assert (report["own_site_originals"], report["unmatched_pages"]) == (1, 0)
    # The copy's canonical URL names the publisher's site: the partner's page is not listed under it.
    assert copies["saved/valley-story-2.html"]["site"] == "saved:saved"
    assert [site["site"] for site in report["sites"]] == ["saved:saved"]


@pytest.mark.parametrize(
    ("own", "unrelated"),
    [
        # Saved originals of the publisher's (og:site_name and canonical URL agree), one or several.
        ([1], 0),
        ([0, 1, 3], 0),
        # Beside pages of another site that match no story: those alone are unmatched.
        ([2], 2),
        ([], 1),
    ],
)
def test_the_publishers_own_pages_are_counted_as_originals_in_every_output(cli: Any, tmp_path: Path, own: list[int], unrelated: int) -> None:
    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp_path / "originals", publisher)
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "valley-story-2.html").write_bytes(web.copy(publisher, "https://valley.example", 2, "stripped"))
    for index in own:
        (saved / f"dcnf-story-{index}.html").write_bytes(web.original(publisher, index))
    for index in range(unrelated):
        (saved / f"other-{index}.html").write_bytes(
            web.page(
                f"Bake sale number {index}",
                f"<p>The school bake sale raised {index + 40} dollars for new books.</p>",
                canonical=f"https://school.example/news/bake-sale-{index}/",
                site_name="School News",
            )
        )
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: report/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert (report["copies"], report["own_site_originals"], report["unmatched_pages"]) == (1, len(own), unrelated)
    said = f"originals on the publisher's own site: {len(own)}"
    assert (said in run.out) == bool(own)
    if (own, unrelated) == ([0, 1, 3], 0):  # the README's example
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        example = readme.split("<!-- audit-own-originals -->\n```\n", 1)[1].split("```", 1)[0].strip()
        assert run.out.strip() == example.replace("; reports in report", f"; reports in {tmp_path / 'report'}")
    assert f"{said}, " in (tmp_path / "report" / "dashboard.html").read_text(encoding="utf-8")


def test_a_saved_page_whose_name_is_not_utf8_or_holds_controls_is_audited_and_shown_safely(tmp_path: Path) -> None:
    import os

    from compliance.audit.run import load_audit_config, run_audit

    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp_path / "originals", publisher)
    (tmp_path / "saved").mkdir()
    # Two saved copies of one page (the same canonical URL): one is reported, the other in `also_at`.
    for name in (b"caf\xe9-\x1b]0;owned\x07.html", "loans\u202eLMTH b.html".encode()):
        with open(os.path.join(os.fsencode(tmp_path / "saved"), name), "wb") as page:
            page.write(web.copy(publisher, "https://valley.example", 2, "stripped"))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: report/\n", encoding="utf-8")
    report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    # A name's characters are kept, escaped by each report as a crawled URL's are, and read back
    # as they are named; a byte that is not UTF-8, which no report can hold, is shown as `\xe9`.
    names = ["saved/caf\\xe9-\x1b]0;owned\x07.html", "saved/loans\u202eLMTH b.html"]
    copies = [(c["url"], *c["also_at"]) for s in report["stories"] for c in s["copies"]]
    assert len(copies) == 1 and sorted(copies[0]) == names, copies
    written = (tmp_path / "report" / "report.json").read_bytes()
    assert not any(raw in written for raw in (b"\x1b", b"\x07", "\u202e".encode()))
    assert b"\\u202e" in written and b"\\\\u202e" not in written
    read_back = json.loads(written.decode("utf-8", "strict"))
    assert read_back["sites"][0]["copies"] == 1
    assert sorted((c["url"], *c["also_at"]) for s in read_back["stories"] for c in s["copies"]) == [tuple(copies[0])]
    lines = [json.loads(line) for part in (tmp_path / "report" / "pages").glob("*.jsonl") for line in part.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == names
    for part in (tmp_path / "report" / "pages").glob("*.jsonl"):
        assert b"\x1b" not in part.read_bytes()


def test_a_copys_per_page_line_gives_its_fields_as_the_report_does(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp_path / "originals", publisher)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "copy.html").write_bytes(web.copy(publisher, "https://valley.example", 2, "stripped"))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: report/\n", encoding="utf-8")
    run_audit(load_audit_config(tmp_path / "audit.yaml"))
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    (reported,) = [c for s in report["stories"] for c in s["copies"]]
    (line,) = [json.loads(text) for part in (tmp_path / "report" / "pages").glob("*.jsonl") for text in part.read_text(encoding="utf-8").splitlines()]
    # Read in this run: nothing to say of an earlier one, null in both (never "" in one of them).
    assert (line["copy"]["from_earlier_run"], line["copy"]["carried_because"]) == (None, None)
    shared = sorted(set(reported) & set(line["copy"]))
    assert {"from_earlier_run", "carried_because", "published", "also_at"} <= set(shared)
    assert {k: line["copy"][k] for k in shared} == {k: reported[k] for k in shared}


def test_batches_are_audited_while_the_next_is_read_and_no_more_than_in_flight_at_once() -> None:
    import threading

    from compliance.audit.run import _audit_batches

    # Batch k may finish only once batch k+1 has been read: a driver that waited for each batch
    # before reading the next would never see it finish.
    read_after = [threading.Event() for _ in range(6)]
    running = [0, 0]  # now, most at once
    lock = threading.Lock()

    def batches() -> Any:
        for k in range(6):
            if k:
                read_after[k - 1].set()
            yield [k]
        read_after[-1].set()

    def audit(batch: list[int]) -> list[int]:
        with lock:
            running[0] += 1
            running[1] = max(running)
        finished_in_time = read_after[batch[0]].wait(timeout=30)
        with lock:
            running[0] -= 1
        return [batch[0] if finished_in_time else -1]

    done: list[tuple[int, list[int]]] = []
    assert _audit_batches(batches(), audit, lambda number, outcomes: done.append((number, list(outcomes))), in_flight=2) == 6
    assert done == [(k, [k]) for k in range(6)]
    assert running[1] <= 2


def test_the_band_key_join_finds_the_stories_the_index_finds() -> None:
    from compliance.audit.matching import PageText, StoryIndex, band_keys, shingles, signature

    def text(key: str, words: str) -> PageText:
        found = shingles(words)
        return PageText(key, found, frozenset(), (), "", signature=signature(found))

    stories = [text(f"story-{i}", " ".join(web.story_paragraphs(i))) for i in range(40)]
    index = StoryIndex(stories)
    buckets: dict[tuple[int, bytes], set[str]] = {}
    for band, key in index.story_bands():
        buckets.setdefault(band, set()).add(key)
    pages = []
    for i in range(40):
        paragraphs = web.story_paragraphs(i)
        pages.append(text(f"whole-{i}", " ".join(paragraphs)))
        pages.append(text(f"third-{i}", " ".join(paragraphs[: max(1, len(paragraphs) // 3)])))
        pages.append(text(f"edited-{i}", " ".join(paragraphs[1:]) + " an editor's note added at the end of the story"))
        pages.append(text(f"unrelated-{i}", " ".join(web.story_paragraphs(50_000 + i))))
    joined = {p.key: sorted({s for band in band_keys(p.signature) for s in buckets.get(band, ())}) for p in pages}
    assert joined == {p.key: index.similar_stories(p) for p in pages}
    # Whole and lightly edited copies are always candidates of their story (a third of a story, at a
    # Jaccard near 0.3, only most of the time: LSH is probabilistic, the same either way).
    assert all(f"story-{p.key.split('-')[1]}" in joined[p.key] for p in pages if p.key.startswith(("whole", "edited")))
    assert sum(bool(joined[p.key]) for p in pages if p.key.startswith("unrelated")) == 0


def test_a_whole_copy_whose_article_region_also_holds_related_stories_is_matched_by_text() -> None:
    from compliance.audit.matching import PageText, StoryIndex, shingles, signature

    def text(key: str, words: str) -> PageText:
        found = shingles(words)
        return PageText(key, found, frozenset(), (), "", signature=signature(found))

    index = StoryIndex([text(f"story-{i}", " ".join(web.story_paragraphs(i))) for i in range(40)])
    for i in range(40):
        # The story whole, then twice its length of other text (related stories, comments): most of
        # the page is not the story.
        related = " ".join(paragraph for other in range(2) for paragraph in web.story_paragraphs(60_000 + 2 * i + other))
        page = text(f"page-{i}", " ".join(web.story_paragraphs(i)) + " " + related)
        match = index.match(page, threshold=0.5)
        assert match is not None, i
        assert (match.story, match.matched_by, match.coverage) == (f"story-{i}", "text", 1.0)
        assert match.similarity < 0.5 and match.containment < 0.5  # neither older measure would have matched it
    # A page that quotes one paragraph of a story beside other text is not a copy of it.
    quoting = text("quoting", web.story_paragraphs(3)[0] + " " + " ".join(web.story_paragraphs(70_000)))
    assert index.match(quoting, threshold=0.5) is None


def test_the_readme_scaling_commands_give_the_single_process_report(cli: Any, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is in the audit extra: pip install -e '.[audit]'")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = readme.split("<!-- audit-scaling -->\n```\n", 1)[1].split("```", 1)[0].splitlines()
    assert [c.split()[:4] for c in commands] == [["syndcheck", "audit", "--scheduler", "local"], ["syndcheck", "audit", "--scheduler", "tcp://10.0.0.5:8786"]]
    config = _example_without_its_site(tmp_path)
    assert cli("audit", str(config)).code == 0
    single = json.loads((config.parent / "audit-report" / "report.json").read_text(encoding="utf-8"))
    for command in commands:
        # The cluster's address stands for any scheduler: here the local threads, so the shuffle join runs in the test.
        args = [str(config) if a == "examples/audit/audit.yaml" else "local" if a.startswith("tcp://") else a for a in command.split()[2:]]
        shutil.rmtree(config.parent / "audit-report")
        run = cli("audit", *args)
        assert run.code == 0, run.err
        assert json.loads((config.parent / "audit-report" / "report.json").read_text(encoding="utf-8")) == single


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--join", "shuffle"], "--join shuffle needs --scheduler"), (["--scheduler", "local", "--join", "hash"], "--join must be map-side or shuffle")],
)
def test_a_join_the_audit_cannot_run_is_one_line_with_exit_2(cli: Any, tmp_path: Path, args: list[str], expected: str) -> None:
    run = cli("audit", *args, str(_example_without_its_site(tmp_path)))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and expected in run.err


def test_the_loopback_guard_refuses_and_logs_what_would_leave(loopback_only: Path, tmp_path: Path) -> None:
    import os

    from tests.loopback_only import LOG_VARIABLE

    log = tmp_path / "refused.log"
    code = "import socket; socket.socket().connect(('192.0.2.1', 80))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, LOG_VARIABLE: str(log)}, check=False)
    assert run.returncode == 1 and "refused by the tests' loopback guard" in run.stderr
    assert log.read_text(encoding="utf-8").split(" ", 1)[1] == "connect ('192.0.2.1', 80)\n"
    # A name is not even looked up, and loopback stays open.
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("partner-b.example", 80)
    assert socket.getaddrinfo("127.0.0.1", 80)
    log_line = loopback_only.read_text(encoding="utf-8")
    loopback_only.write_text("", encoding="utf-8")  # the refused lookup above was this test's own
    assert log_line.endswith("lookup 'partner-b.example'\n")


def test_suppression_comments_in_audited_pages_are_counted_not_obeyed(cli: Any, tmp_path: Path) -> None:
    # The pages are the partners': a comment one writes into its own page cannot turn the licensor's
    # checks off. Whole-document and next-line comments alike are counted per page, in the report
    # and on the dashboard, and the findings stay.
    example = tmp_path / "audit"
    shutil.copytree(EXAMPLE / "originals", example / "originals")
    shutil.copytree(EXAMPLE / "saved-pages", example / "saved-pages")
    (example / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved-pages/\noutput: out/\n", encoding="utf-8")

    def audited() -> dict[str, dict[str, Any]]:
        run = cli("audit", str(example / "audit.yaml"))
        assert run.code == 0, run.err
        report = json.loads((example / "out" / "report.json").read_text(encoding="utf-8"))
        return {c["url"]: c for story in report["stories"] for c in story["copies"]}

    clean = audited()
    assert clean["saved-pages/news-story-3.html"]["findings"] == ["dcnf/affiliation", "dcnf/logo"]
    assert {c["ignored_suppressions"] for c in clean.values()} == {0}
    page = example / "saved-pages" / "news-story-3.html"
    html = page.read_text(encoding="utf-8")
    comments = "<!-- syndcheck-disable dcnf/logo, dcnf/affiliation -- we have permission -->\n<!-- syndcheck-disable-next dcnf/logo -- masthead -->\n"
    page.write_text(html.replace("<body>", "<body>\n" + comments, 1), encoding="utf-8")
    other = example / "saved-pages" / "news-story-0.html"
    other.write_text(other.read_text(encoding="utf-8").replace("<body>", "<body>\n<!-- syndcheck-disable dcnf/byline -- ours -->", 1), encoding="utf-8")
    tried = audited()
    assert {url: c["findings"] for url, c in tried.items()} == {url: c["findings"] for url, c in clean.items()}
    assert tried["saved-pages/news-story-3.html"]["ignored_suppressions"] == 2
    assert tried["saved-pages/news-story-0.html"]["ignored_suppressions"] == 1
    report = json.loads((example / "out" / "report.json").read_text(encoding="utf-8"))
    site = next(s for s in report["sites"] if s["site"] == tried["saved-pages/news-story-3.html"]["site"])
    assert site["ignored_suppressions"] >= 2
    dashboard = (example / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert "2 suppression comments in the page ignored" in dashboard and "1 suppression comment in the page ignored" in dashboard


def test_a_crawled_pages_relative_urls_resolve_against_its_address() -> None:
    from compliance.audit.run import read_page
    from compliance.audit.sources import Page

    data = (
        b"<html><head><base href='/news/'><meta property='og:url' content='water-bill'><link rel=canonical href='water-bill'></head>"
        b"<body><article><h1>Water bill</h1><p>The bill passed. <a href='council'>Council</a></p></article></body></html>"
    )
    doc, text = read_page(Page("https://partner.example/2024/index.html", "partner.example", data))
    assert doc.canonical == ("https://partner.example/news/water-bill",)
    assert text.identity == frozenset({"https://partner.example/2024/index.html", "https://partner.example/news/water-bill"})
    assert text.links == frozenset({"https://partner.example/news/council"})
    saved, _ = read_page(Page("saved/page.html", "saved:page", data))
    assert saved.canonical == ("water-bill",)


def test_a_saved_pages_relative_links_are_not_read_as_links_on_the_site_its_canonical_url_names() -> None:
    from compliance.audit.run import read_page
    from compliance.audit.sources import Page

    # A partner's saved copy keeps the original's canonical link; its relative links point into the
    # partner's own site, which is not known, so none of them is a link to the publisher's story.
    data = (
        b"<html><head><link rel=canonical href='https://dailycallernewsfoundation.org/2024/story-2/'></head>"
        b"<body><article><h1>Water bill</h1><p>The bill passed. <a href='/2024/story-2/'>Earlier</a> "
        b"<a href='https://dailycallernewsfoundation.org/2024/story-3/'>Story 3</a></p></article></body></html>"
    )
    _, text = read_page(Page("saved/page.html", "saved:saved", data))
    assert text.links == frozenset({"/2024/story-2/", "https://dailycallernewsfoundation.org/2024/story-3/"})


@pytest.mark.parametrize(
    ("head", "site"),
    [
        # The page's own og:url names its site, before a canonical URL.
        ("<meta property='og:url' content='https://valley.example/news/a/'><link rel=canonical href='https://other.example/a/'>", "valley.example"),
        # A canonical URL on a partner's host names it (a port is kept, as for a crawled page).
        ("<link rel=canonical href='https://Valley.example:8443/news/a/'>", "valley.example:8443"),
        # The original's canonical link (on the publisher's site, a subdomain included) is passed over.
        ("<link rel=canonical href='https://www.dailycallernewsfoundation.org/a/'>", "saved:saved"),
        ("<meta property='og:url' content='https://dailycaller.com/a/'><link rel=canonical href='https://valley.example/a/'>", "valley.example"),
        # A relative URL names no host.
        ("<meta property='og:url' content='/news/a/'>", "saved:saved"),
        # The host a browser reads: no user name before '@', the scheme's default port left out, IDNA.
        ("<link rel=canonical href='https://@valley.example/a/'>", "valley.example"),
        ("<link rel=canonical href='https://editor:pw@Valley.example:443/a/'>", "valley.example"),
        ("<link rel=canonical href='https://b%C3%BCcher.example/a/'>", "xn--bcher-kva.example"),
    ],
)
def test_a_saved_page_is_listed_under_the_site_it_names_as_its_own(head: str, site: str) -> None:
    from compliance.audit.run import read_page
    from compliance.audit.sources import Page
    from compliance.packfiles import load_packs

    data = f"<html><head>{head}</head><body><article><h1>Water bill</h1><p>The bill passed.</p></article></body></html>".encode()
    (dcnf,) = [pack for pack in load_packs() if pack.id == "dcnf"]
    assert dcnf.own_site.domains == ("dailycallernewsfoundation.org", "dailycaller.com")
    _, text = read_page(Page("saved/page.html", "saved:saved", data), pack=dcnf)
    assert text.site == site


def _saved_copies_audit(tmp: Path, pack: str, output: str = "report/") -> Path:
    """Originals and three saved partner copies (one stripped of its credit); the audit file names `pack`."""
    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp / "originals", publisher)
    saved = tmp / "saved"
    saved.mkdir(exist_ok=True)
    for number, variant in ((0, "compliant"), (1, "stripped"), (2, "compliant")):
        (saved / f"copy-{number}.html").write_bytes(web.copy(publisher, "https://valley.example", number, variant))
    path = tmp / "audit.yaml"
    path.write_text(f"pack: {pack}\nstories: {{folder: originals/}}\nsources:\n  - folder: saved/\noutput: {output}\nstate: state.sqlite\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("first", "second"), [("dcnf", "propublica"), ("propublica", "dcnf"), ("dcnf", "creative-commons")])
def test_a_change_of_pack_checks_every_page_again(tmp_path: Path, first: str, second: str) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    def findings(report: dict[str, Any]) -> dict[str, list[str]]:
        return {c["url"]: c["findings"] for story in report["stories"] for c in story["copies"]}

    before = run_audit(load_audit_config(_saved_copies_audit(tmp_path, first)))
    steps: list[tuple[str, int]] = []
    rerun = run_audit(load_audit_config(_saved_copies_audit(tmp_path, second)), progress=lambda what, more: steps.append((what, more)))
    fresh_folder = tmp_path / "fresh"
    fresh_folder.mkdir()
    fresh = run_audit(load_audit_config(_saved_copies_audit(fresh_folder, second)))
    assert findings(rerun) == findings(fresh)
    # The packs ask different things of the same copies: the stored findings would have been wrong.
    assert findings(rerun) != findings(before)
    assert sum(more for what, more in steps if what == "unchanged") == 0
    assert sum(more for what, more in steps if what == "audited") == 3


def test_the_same_pack_again_keeps_every_stored_outcome(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    first = run_audit(load_audit_config(_saved_copies_audit(tmp_path, "dcnf")))
    steps: list[tuple[str, int]] = []
    again = run_audit(load_audit_config(_saved_copies_audit(tmp_path, "dcnf")), progress=lambda what, more: steps.append((what, more)))
    assert again == first
    assert sum(more for what, more in steps if what == "unchanged") == 3
    assert sum(more for what, more in steps if what == "audited") == 0


def test_a_verdict_on_a_notice_that_holds_until_a_date_is_checked_again_once_the_date_has_passed(tmp_path: Path) -> None:
    import datetime

    from compliance.audit.run import load_audit_config, run_audit

    config = _saved_copies_audit(tmp_path, "propublica")
    # A copy that gives no publication date of its own is judged on the day of the audit.
    _embargoed(tmp_path / "saved" / "copy-1.html", "")

    def audit_on(day: datetime.date) -> tuple[dict[str, list[str]], dict[str, int]]:
        steps: dict[str, int] = {}
        report = run_audit(load_audit_config(config), today=day, progress=lambda what, more: steps.update({what: steps.get(what, 0) + more}))
        findings = {c["url"].rsplit("/", 1)[-1]: c["findings"] for story in report["stories"] for c in story["copies"]}
        return findings, {what: steps.get(what, 0) for what in ("audited", "unchanged")}

    date = datetime.date(2031, 3, 3)
    on_the_day, steps = audit_on(date)
    assert "propublica/embargo" in on_the_day["copy-1.html"]
    assert steps == {"audited": 3, "unchanged": 0}
    # Before the date the stored verdict holds: nothing is checked again.
    assert audit_on(date - datetime.timedelta(days=40)) == (on_the_day, {"audited": 0, "unchanged": 3})
    # The day after, the embargo has ended: its copy is checked again, the others keep their outcomes.
    after, steps = audit_on(date + datetime.timedelta(days=1))
    assert "propublica/embargo" not in after["copy-1.html"]
    assert {page: rules for page, rules in after.items() if page != "copy-1.html"} == {p: r for p, r in on_the_day.items() if p != "copy-1.html"}
    assert steps == {"audited": 1, "unchanged": 2}
    # The verdict after the date is stored for every later day, and not for the day itself.
    assert audit_on(date + datetime.timedelta(days=400)) == (after, {"audited": 0, "unchanged": 3})
    assert audit_on(date) == (on_the_day, {"audited": 1, "unchanged": 2})


def _embargoed(copy: Path, published: str) -> None:
    """Put ProPublica's notice of an embargo until March 3, 2031 in the saved `copy`, and make its
    own publication date `published` (an `article:published_time`; "": none)."""
    import re

    notice = b"<p>This article is not subject to ProPublica's Creative Commons license until March 3, 2031.</p></article>"
    dated = f'<meta property="article:published_time" content="{published}">'.encode() if published else b""
    data = re.sub(rb'<meta property="article:published_time"[^>]*>', b"", copy.read_bytes())
    copy.write_bytes(data.replace(b"</article>", notice, 1).replace(b"</head>", dated + b"</head>", 1))


@pytest.mark.parametrize(
    ("published", "embargoed"),
    [
        # Published during the embargo: the copy broke it, on every later day too.
        ("2026-09-11T09:00:00Z", True),
        ("2031-03-03", True),
        # Published after it ended: the copy kept it, whatever day it is audited on.
        ("2031-03-04T10:00:00+00:00", False),
        # 02:00 UTC on March 4 is still March 3 in New York, where ProPublica dates its embargoes.
        ("2031-03-04T02:00:00Z", True),
    ],
)
def test_a_copy_with_its_own_publication_date_is_judged_on_that_day_on_every_day(cli: Any, tmp_path: Path, published: str, embargoed: bool) -> None:
    # As `check --meta publication_date=…` judges it: the terms bind the day the copy ran. The
    # verdict holds on every day, so the stored one is reused on a day before the date and after it.
    import datetime
    import sqlite3

    from compliance.audit.run import load_audit_config, run_audit

    config = _saved_copies_audit(tmp_path, "propublica")
    _embargoed(tmp_path / "saved" / "copy-1.html", published)

    def audit_on(day: datetime.date) -> tuple[list[str], str, int]:
        steps: dict[str, int] = {}
        report = run_audit(load_audit_config(config), today=day, progress=lambda what, more: steps.update({what: steps.get(what, 0) + more}))
        copy = next(c for story in report["stories"] for c in story["copies"] if c["url"].endswith("copy-1.html"))
        return copy["findings"], copy["published"], steps.get("audited", 0)

    findings, recorded, audited = audit_on(datetime.date(2031, 3, 4))
    assert ("propublica/embargo" in findings, recorded, audited) == (embargoed, published[:10], 3)
    copy = str(tmp_path / "saved" / "copy-1.html")
    checked = cli("check", "--pack", "propublica", "--select", "propublica/embargo", "--meta", f"publication_date={published}", copy)
    assert checked.code == (1 if embargoed else 0), checked.out
    for day in (datetime.date(2031, 3, 1), datetime.date(2031, 3, 3), datetime.date(2040, 1, 1)):
        assert audit_on(day) == (findings, recorded, 0)
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        assert db.execute("select first, last from outcomes where key like '%copy-1.html'").fetchall() == [(None, None)]


def test_the_days_a_verdict_holds_on_are_those_before_its_next_date_and_after_its_last_one() -> None:
    import datetime

    from compliance.findings import Days

    day = datetime.date
    dates = [day(2030, 1, 10), day(2030, 6, 1), day(2031, 1, 1)]
    assert Days.around(day(2030, 3, 1), dates) == Days(day(2030, 1, 11), day(2030, 6, 1))
    assert Days.around(day(2030, 6, 1), dates) == Days(day(2030, 1, 11), day(2030, 6, 1))
    assert Days.around(day(2029, 1, 1), dates) == Days(None, day(2030, 1, 10))
    assert Days.around(day(2032, 1, 1), dates) == Days(day(2031, 1, 2), None)
    assert Days.around(day(2032, 1, 1), []) == Days()
    assert day(2030, 6, 2) not in Days(day(2030, 1, 11), day(2030, 6, 1))
    assert day(2030, 1, 11) in Days(day(2030, 1, 11), day(2030, 6, 1))


def test_a_state_kept_before_outcomes_had_their_days_is_started_afresh(tmp_path: Path) -> None:
    import datetime

    from compliance.audit.state import SCHEMA_VERSION, AuditState

    path = tmp_path / "state.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "create table outcomes (key text primary key, run integer not null, digest text not null, basis text not null,"
        " site text, copy text, cites text, own integer);"
        "insert into outcomes values ('https://valley.example/a', 1, 'd', 'b', 'valley.example', null, null, 0);"
    )
    old.execute(f"pragma user_version = {SCHEMA_VERSION - 1}")
    old.commit()
    old.close()
    state = AuditState(path)
    try:
        # Its outcome may be a verdict on an embargo that has since ended: it is not reused.
        assert state.outcome("https://valley.example/a", "d", "b", datetime.date(2031, 1, 1)) is None
    finally:
        state.close()


def _audited(pages: list[tuple[str, bytes]], *, pack: str = "dcnf") -> dict[str, Any]:
    """Each page's outcome (key → PageOutcome) against the synthetic publisher's stories."""
    from compliance.audit.run import audit_page, choose_pack, prepare_stories
    from compliance.audit.sources import Page

    publisher = "https://dailycallernewsfoundation.org"
    stories = [Page(f"originals/story-{i}.html", "saved:originals", web.original(publisher, i)) for i in range(web.STORIES)]
    work = prepare_stories(stories, choose_pack(pack), threshold=0.5)
    from compliance.audit.fetching import host_of

    return {key: audit_page(Page(key, host_of(key) if "://" in key else "saved:saved", data), work) for key, data in pages}


def _claiming(data: bytes, claims: str) -> bytes:
    return data.replace(b"</head>", claims.encode() + b"</head>", 1)


@pytest.mark.parametrize(
    "claims",
    [
        # The original's og:url copied onto the partner's page.
        "<meta property='og:url' content='{story}'>",
        # og:url, og:site_name and the canonical link all the publisher's: the address still decides.
        "<meta property='og:url' content='{story}'><meta property='og:site_name' content='Daily Caller News Foundation'><link rel=canonical href='{story}'>",
        "<meta property='og:url' content='{www_story}'>",
    ],
)
@pytest.mark.parametrize("address", ["https://valley.example/news/story-2/", "http://127.0.0.1:8131/og/"])
def test_a_partner_page_claiming_the_originals_address_is_a_copy(claims: str, address: str) -> None:
    publisher = "https://dailycallernewsfoundation.org"
    story = web.story_url(publisher, 2)
    stripped = _claiming(web.copy(publisher, "https://valley.example", 2, "stripped"), claims.format(story=story, www_story=story.replace("://", "://www.")))
    outcome = _audited([(address, stripped)])[address]
    assert outcome.copy is not None
    assert (outcome.copy.story, outcome.copy.matched_by, outcome.copy.site) == ("originals/story-2.html", "text", address.split("/")[2])
    assert "dcnf/affiliation" in outcome.copy.findings


def test_the_publishers_own_pages_stay_its_own_whatever_their_address_on_its_site() -> None:
    publisher = "https://dailycallernewsfoundation.org"
    story = web.story_url(publisher, 1)
    own = _claiming(web.original(publisher, 1), f"<meta property='og:url' content='{story}'>")
    outcomes = _audited(
        [
            (story, web.original(publisher, 1)),  # read from the story's own URL
            (story + "?utm_source=feed", own),  # another address on the publisher's host, its og:url the story's
            ("saved/dcnf-story-1.html", own),  # a saved page with no address: its og:url decides
        ]
    )
    assert {key: o.copy for key, o in outcomes.items()} == dict.fromkeys(outcomes)


PUBLISHER = "https://dailycallernewsfoundation.org"
# What a page on the publisher's own host may say of itself that puts it elsewhere: a partner's
# title, og:site_name and canonical link (markup copied whole), a canonical link on another host
# alone, an og:url on another host, a syndication-source.
_ELSEWHERE = {
    "a partner's whole markup": lambda i: web.copy(PUBLISHER, "https://valley.example", i, "stripped"),
    "a canonical link on another host": lambda i: web.original(PUBLISHER, i).replace(
        web.story_url(PUBLISHER, i).encode(), f"http://publisher.example/stories/story-{i}/".encode()
    ),
    "an og:url on another host": lambda i: _claiming(web.original(PUBLISHER, i), f"<meta property='og:url' content='https://valley.example/news/story-{i}/'>"),
    "a syndication-source": lambda i: _claiming(web.original(PUBLISHER, i), "<meta name='syndication-source' content='https://valley.example/'>"),
}


@pytest.mark.parametrize("claims", list(_ELSEWHERE))
def test_a_page_read_from_the_publishers_own_host_is_its_own_whatever_its_metadata_says(claims: str) -> None:
    from compliance.api import check_html

    data = _ELSEWHERE[claims](1)
    own = [
        "https://dailycallernewsfoundation.org/2026/story-1/",
        "https://www.dailycaller.com/2026/09/story-1/?utm_source=x",
        "http://DailyCaller.com:8080/s/1",
    ]
    # Hosts that only look like the publisher's are partners' all the same.
    partners = ["https://dailycaller.com.valley.example/story-1/", "https://notdailycaller.com/story-1/"]
    outcomes = _audited([(address, data) for address in own + partners])
    assert [(outcomes[a].own, outcomes[a].copy) for a in own] == [(True, None)] * len(own)
    assert [(outcomes[a].own, outcomes[a].copy and outcomes[a].copy.story) for a in partners] == [(False, "originals/story-1.html")] * 2
    # `check` weighs a URL only its caller gives with the page's signals: the same page named by
    # an own-host URL is checked as a republication, while the original itself is the publisher's.
    codes = [[notice.code for notice in check_html(page.decode(), path=own[0], packs="dcnf").notices] for page in (data, web.original(PUBLISHER, 1))]
    assert ["own-page" in each for each in codes] == [False, True]


def test_the_publishers_own_pages_in_an_archive_are_counted_as_originals_in_every_output(cli: Any, tmp_path: Path) -> None:
    from html import unescape

    from tests.test_audit_archives import _records

    stories = "http://publisher.example"
    _write_originals(tmp_path / "originals", stories)
    # Archived at the publisher's hosts, each naming the stories' other address as its canonical URL.
    own = [(f"{host}/2026/story-{i}/", web.original(stories, i)) for i, host in ((1, PUBLISHER), (2, "https://dailycaller.com"))]
    partner = [("http://partner-w.example/news/s0/", web.copy(stories, "http://partner-w.example", 0, "stripped"))]
    (tmp_path / "crawl.warc.gz").write_bytes(_records(own + partner, gzip=True))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    out = tmp_path / "out"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("<!-- audit-own-host -->\n```\n", 1)[1].split("```", 1)[0].strip()
    assert example == "1 copy of 4 stories on 1 site; originals on the publisher's own site: 2; reports in out"
    assert run.out == example.replace("reports in out", f"reports in {out}") + "\n"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["pages_read"], report["copies"], report["own_site_originals"], report["unmatched_pages"]) == (3, 1, 2, 0)
    assert [(site["site"], site["copies"]) for site in report["sites"]] == [("partner-w.example", 1)]
    assert (out / "sites.csv").read_text(encoding="utf-8").splitlines()[1:] == ["partner-w.example,1,0,0.0,dcnf/affiliation=1; dcnf/logo=1,,"]
    copies = [row.split(",")[:3] for row in (out / "stories.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert [row for row in copies if row[1]] == [["originals/story-0.html", "http://partner-w.example/news/s0/", "partner-w.example"]]
    assert "originals on the publisher's own site: 2, " in unescape((out / "dashboard.html").read_text(encoding="utf-8"))


def _post(body: str) -> bytes:
    """A partner's post of its own (six paragraphs of other prose), with `body` after them."""
    own = "\n".join(f"<p>{p}</p>" for p in web.story_paragraphs(97))
    return web.page(
        "Weekly roundup", f'<div class="byline">By Staff</div>\n{own}\n{body}', canonical="https://valley.example/roundup/", site_name="The Valley Ledger"
    )


def _link(index: int, words: str = "the Daily Caller News Foundation reported") -> str:
    return f'<a href="{web.story_url("https://dailycallernewsfoundation.org", index)}">{words}</a>'


@pytest.mark.parametrize(
    "body",
    [
        # A link in a sentence of its own.
        f"<p>Also this week, {_link(3)} on a related topic.</p>",
        # A link and a sentence quoted from the story.
        f"<p>As {_link(3)}: “{web.story_paragraphs(3)[1].split('. ')[0]}.”</p>",
        # Links in a list of further reading, one to the story.
        f"<ul><li>{_link(3, 'Water bill passes')}</li><li><a href='https://other.example/a/'>Elsewhere</a></li></ul>",
    ],
)
def test_a_page_that_only_cites_a_story_is_not_checked_as_its_copy(body: str) -> None:
    outcome = _audited([("https://valley.example/roundup/", _post(body))])["https://valley.example/roundup/"]
    assert (outcome.copy, outcome.cites) == (None, "originals/story-3.html")


def test_a_page_that_links_and_presents_itself_as_the_republication_is_a_copy() -> None:
    # Little of the story's text, but the publisher's logo in the article: the pack's detection applies.
    outcome = _audited([("https://valley.example/roundup/", _post(f"{web.LOGO}<p>Read {_link(3)}.</p>"))])["https://valley.example/roundup/"]
    assert outcome.copy is not None and outcome.cites == ""
    assert (outcome.copy.story, outcome.copy.matched_by) == ("originals/story-3.html", "link")
    assert outcome.copy.similarity < 0.2


def test_a_page_that_links_and_holds_an_excerpt_below_the_threshold_is_a_copy() -> None:
    # Two of the story's six paragraphs among the partner's own six: a third of the story, a quarter of the page.
    excerpt = "\n".join(f"<p>{p}</p>" for p in web.story_paragraphs(3)[:2])
    outcome = _audited([("https://valley.example/roundup/", _post(f"{excerpt}<p>Continue reading at {_link(3)}.</p>"))])["https://valley.example/roundup/"]
    assert outcome.copy is not None and outcome.cites == ""
    assert (outcome.copy.story, outcome.copy.matched_by) == ("originals/story-3.html", "link")
    assert "dcnf/logo" in outcome.copy.findings


def test_citing_pages_are_counted_apart_stored_and_written_with_the_page(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    publisher = "https://dailycallernewsfoundation.org"
    _write_originals(tmp_path / "originals", publisher)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "roundup.html").write_bytes(_post(f"<p>Also this week, {_link(3)}.</p>"))
    (tmp_path / "saved" / "copy.html").write_bytes(web.copy(publisher, "https://valley.example", 2, "stripped"))
    (tmp_path / "saved" / "other.html").write_bytes(_post(""))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: report/\n", encoding="utf-8")
    report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    assert (report["pages_read"], report["copies"], report["citing_pages"], report["unmatched_pages"]) == (3, 1, 1, 1)
    lines = [json.loads(line) for part in sorted((tmp_path / "report" / "pages").glob("*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
    assert {line["url"]: line["cites"] for line in lines} == {"saved/copy.html": None, "saved/other.html": None, "saved/roundup.html": "originals/story-3.html"}
    assert "1 page cites a story without republishing it" in (tmp_path / "report" / "dashboard.html").read_text(encoding="utf-8")
    # The stored outcome keeps it so.
    assert run_audit(load_audit_config(tmp_path / "audit.yaml")) == report


def test_the_audit_command_checks_on_the_day_given_with_today(cli: Any, tmp_path: Path) -> None:
    # A licensor asks how the copies stand once an embargo has ended: the command line's --today
    # is the day every copy is checked on, as run_audit's `today` is.
    config = _saved_copies_audit(tmp_path, "propublica")
    _embargoed(tmp_path / "saved" / "copy-1.html", "")

    def embargo_reported(day: str) -> bool:
        run = cli("audit", "--today", day, str(config))
        assert run.code == 0, run.err
        report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
        copy = next(c for story in report["stories"] for c in story["copies"] if c["url"].endswith("copy-1.html"))
        return "propublica/embargo" in copy["findings"]

    assert embargo_reported("2031-03-03")
    assert not embargo_reported("2031-03-04")
    refused = cli("audit", "--today", "2031-02-30", str(config))
    assert refused.code == 2 and "is not a day written YYYY-MM-DD" in refused.err
