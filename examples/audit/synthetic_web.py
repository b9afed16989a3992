"""A synthetic web for the audit: a publisher (DCNF-style stories, sitemap and feed), partner sites
with compliant, stripped, truncated and edited copies, and hostile sites (slow, 500s, a redirect
loop, a huge page, a robots.txt that forbids crawling). Served on 127.0.0.1 only, each site on its
own port, stopping by itself; the same pages can be written as a WARC file with warcio.

    python examples/audit/synthetic_web.py build examples/audit     # originals/, saved-pages/, crawl.warc.gz
    python examples/audit/synthetic_web.py serve --port 8000         # the partner site of audit.yaml

PLANTED holds the truth: each partner's compliance rate under the dcnf pack.
"""

from __future__ import annotations

import io
import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

STORIES = 4
REPORTER = ["Jake Smith", "Mary Lou Ortega", "Dan Whitfield", "Priya Raman"]
_WORDS = (
    "council budget county water school board families state officials report federal grant housing rural clinic "
    "hospital farmers drought bridge road election voters sheriff court judge ruling tax plan energy power plant "
    "wildfire season teachers students parents library funding veterans health care nurses workers union contract "
    "mayor governor senate bill hearing testimony audit records contract spending deficit inflation prices market"
).split()

LOGO = '<img class="dcnf-logo" src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'


def story_paragraphs(index: int) -> list[str]:
    """Six paragraphs of made-up news prose, different for each story (seeded)."""
    rng = random.Random(index)
    paragraphs = []
    for _ in range(6):
        sentences = []
        for _ in range(4):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def story_url(publisher: str, index: int) -> str:
    """The original's URL on the publisher's site."""
    return f"{publisher}/stories/story-{index}/"


def published(index: int) -> str:
    """When story `index` came out (its copies say the same): a month from August to November 2026."""
    return f"2026-{8 + index % 4:02d}-{10 + index % 15:02d}T09:00:00Z"


def page(title: str, body: str, *, canonical: str, site_name: str, date: str = "") -> bytes:
    """An article page of ordinary shape: head with canonical URL (and publication date), masthead, article, footer."""
    dated = f'<meta property="article:published_time" content="{date}">' if date else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site_name}</title>
<link rel="canonical" href="{canonical}"><meta property="og:site_name" content="{site_name}">{dated}</head>
<body><header class="masthead"><a href="/">{site_name}</a><nav><a href="/local/">Local</a> <a href="/world/">World</a></nav></header>
<main><article class="story">
<h1 class="headline">{title}</h1>
{body}
</article></main>
<footer class="site-footer"><p>{site_name}. All rights reserved.</p></footer></body></html>
""".encode()


def original(publisher: str, index: int) -> bytes:
    """The publisher's own story page."""
    body = f'<div class="byline">By {REPORTER[index % len(REPORTER)]}, Daily Caller News Foundation</div>\n' + "\n".join(
        f"<p>{p}</p>" for p in story_paragraphs(index)
    )
    return page(
        f"Story number {index} on the county", body, canonical=story_url(publisher, index), site_name="Daily Caller News Foundation", date=published(index)
    )


def copy(publisher: str, host: str, index: int, variant: str) -> bytes:
    """A partner's copy: compliant, stripped (no logo, no affiliation), truncated or edited (both compliant under dcnf)."""
    paragraphs = story_paragraphs(index)
    if variant == "truncated":
        paragraphs = paragraphs[:3]
    if variant == "edited":
        paragraphs = [p.replace(" county ", " parish ").replace(" mayor ", " city manager ") for p in paragraphs]
    credit = f'<p><em>Republished from <a href="{story_url(publisher, index)}">the Daily Caller News Foundation</a>.</em></p>'
    if variant == "stripped":
        head = f'<div class="byline">By {REPORTER[index % len(REPORTER)]}</div>'
        credit = ""
    else:
        head = f'{LOGO}\n<div class="byline">By {REPORTER[index % len(REPORTER)]}, Daily Caller News Foundation</div>'
    body = head + "\n" + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n" + credit
    return page(
        f"Story number {index} on the county",
        body,
        canonical=f"{host}/news/story-{index}/",
        site_name=f"The {host.split('//')[1].split('.')[0].title()} Ledger",
        date=published(index),
    )


# Partner → the variant of each story it carries (None: not carried); the planted compliance rates follow.
PARTNERS: dict[str, dict[int, str]] = {
    "partner-a": {0: "compliant", 1: "compliant", 2: "compliant", 3: "compliant"},
    "partner-b": {0: "compliant", 1: "compliant", 2: "stripped", 3: "stripped"},
    "partner-c": {0: "truncated", 1: "truncated", 2: "stripped"},
    "partner-d": {0: "edited", 1: "edited", 2: "edited", 3: "stripped"},
}
PLANTED = {name: sum(v != "stripped" for v in carried.values()) / len(carried) for name, carried in PARTNERS.items()}
HOSTILE = ("robots-closed", "slow", "broken", "loop", "huge")


@dataclass
class Response:
    """What a fixture site answers for one path."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def sitemap(urls: list[str]) -> bytes:
    """A sitemap listing `urls`."""
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()


def feed(publisher: str) -> bytes:
    """An RSS feed of the publisher's stories."""
    items = "".join(f"<item><title>Story {i}</title><link>{story_url(publisher, i)}</link></item>" for i in range(STORIES))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>DCNF</title><link>{publisher}/</link>{items}</channel></rss>'.encode()


def site_responses(name: str, base: dict[str, str]) -> dict[str, Response]:
    """Every path a site answers, given the base URL of every site (`base[name]` is this site's)."""
    me, publisher = base[name], base["publisher"]
    xml = "application/xml"
    if name == "publisher":
        modified = {"Last-Modified": "Tue, 03 Nov 2026 09:00:00 GMT"}
        pages = {f"/stories/story-{i}/": Response(body=original(publisher, i), headers=modified) for i in range(STORIES)}
        pages["/sitemap.xml"] = Response(body=sitemap([story_url(publisher, i) for i in range(STORIES)]), content_type=xml)
        pages["/feed.xml"] = Response(body=feed(publisher), content_type="application/rss+xml")
        return pages
    if name in PARTNERS:
        pages = {f"/news/story-{i}/": Response(body=copy(publisher, me, i, v), headers={"ETag": f'"{name}-{i}"'}) for i, v in PARTNERS[name].items()}
        pages["/news/unrelated/"] = Response(
            body=page("Bake sale raises record sum", "<p>" + " ".join(story_paragraphs(99)) + "</p>", canonical=f"{me}/news/unrelated/", site_name=name),
            headers={"Last-Modified": "Mon, 02 Nov 2026 17:30:00 GMT"},
        )
        pages["/sitemap.xml"] = Response(body=sitemap([me + p for p in sorted(pages)]), content_type=xml)
        return pages
    if name == "robots-closed":
        return {
            "/robots.txt": Response(body=b"User-agent: *\nDisallow: /\n", content_type="text/plain"),
            "/news/story-0/": Response(body=copy(publisher, me, 0, "stripped")),
        }
    if name == "slow":
        return {"/news/story-1/": Response(body=copy(publisher, me, 1, "stripped"), delay=3.0)}
    if name == "broken":
        return {"/news/story-2/": Response(status=500, body=b"Internal Server Error", content_type="text/plain")}
    if name == "loop":
        return {"/a/": Response(status=302, headers={"Location": "/b/"}), "/b/": Response(status=302, headers={"Location": "/a/"})}
    if name == "huge":
        return {"/news/story-3/": Response(body=b"<html><body><article>" + b"<p>filler text</p>" * 400_000 + b"</article></body></html>")}
    raise KeyError(name)


def hostile_urls(base: dict[str, str]) -> list[str]:
    """The URLs of the hostile sites that an audit is pointed at."""
    return [
        base["robots-closed"] + "/news/story-0/",
        base["slow"] + "/news/story-1/",
        base["broken"] + "/news/story-2/",
        base["loop"] + "/a/",
        base["huge"] + "/news/story-3/",
    ]


@dataclass
class RequestLog:
    """Every request the synthetic web received: (site, path, user agent, monotonic time), the status
    each was answered with, and the pages a test changed since the web started (served instead)."""

    entries: list[tuple[str, str, str, float]] = field(default_factory=list)
    answers: list[tuple[str, str, int]] = field(default_factory=list)
    changed: dict[tuple[str, str], Response] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, site: str, path: str, agent: str) -> None:
        with self.lock:
            self.entries.append((site, path, agent, time.monotonic()))

    def answered(self, site: str, path: str, status: int) -> None:
        with self.lock:
            self.answers.append((site, path, status))

    def paths(self, site: str) -> list[str]:
        with self.lock:
            return [p for s, p, _, _ in self.entries if s == site]

    def change(self, site: str, path: str, answer: Response) -> None:
        """Serve `answer` for `path` on `site` from now on (a page edited by its site)."""
        with self.lock:
            self.changed[(site, path)] = answer


def _not_modified(answer: Response, headers: Any) -> bool:
    """Whether a conditional request's validators match the page (then it is answered 304, without a body)."""
    etag = answer.headers.get("ETag")
    if etag and headers.get("If-None-Match"):
        return etag in [tag.strip() for tag in headers.get("If-None-Match").split(",")]
    modified = answer.headers.get("Last-Modified")
    return bool(modified) and headers.get("If-Modified-Since") == modified


def _handler(name: str, responses: dict[str, Response], log: RequestLog) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            log.add(name, self.path, self.headers.get("User-Agent", ""))
            with log.lock:
                changed = log.changed.get((name, self.path))
            answer = changed or responses.get(self.path, Response(status=404, body=b"not found", content_type="text/plain"))
            if answer.delay:
                time.sleep(answer.delay)
            status = 304 if answer.status == 200 and _not_modified(answer, self.headers) else answer.status
            log.answered(name, self.path, status)
            try:
                self.send_response(status)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                if status == 304:
                    self.end_headers()
                    return
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except OSError:
                pass  # the client gave up (a time or size limit): nothing to answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(
    names: tuple[str, ...] = ("publisher", *PARTNERS, *HOSTILE), *, lifetime: float = 120.0, port: int = 0
) -> Iterator[tuple[dict[str, str], RequestLog]]:
    """Serve each named site on 127.0.0.1 (its own port); yields the base URLs and the request log. Stops after `lifetime` s at the latest."""
    servers = {name: ThreadingHTTPServer(("127.0.0.1", port if len(names) == 1 else 0), BaseHTTPRequestHandler) for name in names}
    base = {name: f"http://127.0.0.1:{server.server_address[1]}" for name, server in servers.items()}
    log = RequestLog()
    for name, server in servers.items():
        server.daemon_threads = True
        server.RequestHandlerClass = _handler(name, site_responses(name, {**base, "publisher": base.get("publisher", "http://publisher.example")}), log)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    timer = threading.Timer(lifetime, lambda: [s.shutdown() for s in servers.values()])
    timer.daemon = True
    timer.start()
    try:
        yield base, log
    finally:
        timer.cancel()
        for server in servers.values():
            server.shutdown()
            server.server_close()


def write_warc(path: Path, base: dict[str, str], names: tuple[str, ...]) -> None:
    """A gzipped WARC with a response record for every page of the named sites (as a crawler would save them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name in names:
            for route, answer in sorted(site_responses(name, base).items()):
                headers = StatusAndHeaders(f"{answer.status} OK", [("Content-Type", answer.content_type), *answer.headers.items()], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    base[name] + route, "response", payload=io.BytesIO(answer.body), length=len(answer.body), http_headers=headers
                )
                writer.write_record(record)


def build_example(folder: Path) -> None:
    """The example's files: originals/ (the publisher's stories), saved-pages/ (partner-d), crawl.warc.gz (partners b and c); partner-a is the served site."""
    base = {name: f"http://{name}.example" for name in ("publisher", *PARTNERS, *HOSTILE)}
    (folder / "originals").mkdir(parents=True, exist_ok=True)
    (folder / "saved-pages").mkdir(parents=True, exist_ok=True)
    for i in range(STORIES):
        (folder / "originals" / f"story-{i}.html").write_bytes(original(base["publisher"], i))
    for route, answer in site_responses("partner-d", base).items():
        if route.startswith("/news/"):
            (folder / "saved-pages" / (route.strip("/").replace("/", "-") + ".html")).write_bytes(answer.body)
    write_warc(folder / "crawl.warc.gz", base, ("partner-b", "partner-c"))


def main(argv: list[str]) -> int:
    """`build FOLDER` or `serve [--port N]` (partner-a's site, as the example's audit.yaml names it)."""
    if argv[:1] == ["build"] and len(argv) == 2:
        build_example(Path(argv[1]))
        return 0
    if argv[:1] == ["serve"]:
        port = int(argv[2]) if argv[1:2] == ["--port"] else 8000
        with serve(("partner-a",), lifetime=3600, port=port) as (base, _):
            print(f"serving partner-a on {base['partner-a']} for an hour; Ctrl-C stops")
            with suppress(KeyboardInterrupt):
                time.sleep(3600)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
