"""`syndcheck serve --allow-fetch`: a request chooses the URL, so the server fetches from public
addresses only (and networks its operator trusts with --allow-fetch-from), judged where each
connection is made; and it answers only requests whose Host names it (DNS rebinding)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import OriginalUnavailable
from compliance.fetchguard import FetchGuard, parse_networks
from compliance.originals import OriginalReader

SECRET = b"<html><head><title>Router admin - WAN password: s3cr3t-wan</title></head><body><h1>Router admin - WAN password: s3cr3t-wan</h1></body></html>"
STORY = b"<html><body><article><h1>Water bill passes</h1><p>The bill passed.</p></article></body></html>"
HITS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        HITS.append(f"{self.headers.get('Host')} {self.path}")
        if self.path.startswith("/to/"):  # a redirect to the address after /to/
            self.send_response(302)
            self.send_header("Location", "http://" + self.path[4:])
            self.end_headers()
            return
        body = SECRET if self.path == "/router.html" else STORY
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


REFUSED = [
    ("127.0.0.1", "a loopback"),
    ("127.8.9.10", "a loopback"),
    ("10.1.2.3", "a private"),
    ("172.16.5.4", "a private"),
    ("192.168.1.1", "a private"),
    ("169.254.169.254", "a link-local"),
    ("0.0.0.0", "an unspecified"),
    ("224.0.0.251", "a multicast"),
    ("240.0.0.1", "a reserved"),
    ("100.64.0.1", "a non-public"),
    ("192.0.2.7", "a private"),
    ("::1", "a loopback"),
    ("::", "an unspecified"),
    ("fe80::1%eth0", "a link-local"),
    ("fd12:3456::1", "a private"),
    ("ff02::1", "a multicast"),
    ("::ffff:127.0.0.1", "a loopback"),
    ("::ffff:10.0.0.1", "a private"),
    ("::ffff:169.254.169.254", "a link-local"),
    ("2002:7f00:1::", "a loopback"),
    ("64:ff9b::a9fe:a9fe", "a link-local"),
]


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_every_address_that_is_not_public_is_refused_and_named(address: str, kind: str) -> None:
    why = FetchGuard().refusal(address)
    assert why is not None and why.endswith(f"is {kind} address")


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::200e"])
def test_public_addresses_are_fetched_from(address: str) -> None:
    assert FetchGuard().refusal(address) is None


def test_a_trusted_network_is_fetched_from_and_only_it() -> None:
    guard = FetchGuard(parse_networks(["127.0.0.0/8", "fd00::/8"]))
    assert [guard.refusal(a) for a in ("127.0.0.1", "::ffff:127.0.0.1", "fd00::5")] == [None, None, None]
    assert guard.refusal("10.0.0.1") == "10.0.0.1 is a private address"
    assert guard.refusal("::1") == "::1 is a loopback address"


def test_a_network_that_is_none_is_a_one_line_error(cli: Any) -> None:
    from compliance.errors import ConfigError

    with pytest.raises(ConfigError, match="--allow-fetch-from 'intranet' is not a network"):
        parse_networks(["10.0.0.0/8", "intranet"])
    run = cli("serve", "--port", "1", "--allow-fetch-from", "10.0.0.0/33")
    assert run.code == 2 and "--allow-fetch-from '10.0.0.0/33' is not a network" in run.err


def _guarded(tmp_path: Path, *trusted: str) -> OriginalReader:
    return OriginalReader(allow_fetch=True, cache_dir=tmp_path, timeout=5.0, guard=FetchGuard(parse_networks(trusted)))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "[::1]"])
def test_a_loopback_address_in_any_spelling_is_refused_before_anything_is_sent(port: int, tmp_path: Path, host: str) -> None:
    HITS.clear()
    with pytest.raises(OriginalUnavailable) as refused:
        _guarded(tmp_path).read(f"http://{host}:{port}/router.html", tmp_path)
    assert "not fetched: " in str(refused.value) and "is a loopback address; the server fetches only public addresses" in str(refused.value)
    assert "s3cr3t" not in str(refused.value) and HITS == []


def test_a_redirect_to_an_address_that_is_not_trusted_is_refused(port: int, tmp_path: Path) -> None:
    HITS.clear()
    with pytest.raises(OriginalUnavailable, match=r"not fetched: 127\.0\.0\.2 is a loopback address"):
        _guarded(tmp_path, "127.0.0.1/32").read(f"http://127.0.0.1:{port}/to/127.0.0.2:{port}/router.html", tmp_path)
    assert [f"127.0.0.1:{port} /to/127.0.0.2:{port}/router.html"] == HITS


def _resolving(monkeypatch: pytest.MonkeyPatch, names: dict[str, list[str]]) -> list[str]:
    """Make `names` resolve to the addresses given, each lookup recorded; every other name as before."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def lookup(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in names:
            asked.append(host)
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in names[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked


def test_a_name_is_judged_by_what_it_resolves_to_when_connecting(port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS rebinding: whatever a name said before, the connection is judged by the answer it is made to.
    asked = _resolving(monkeypatch, {"news.rebind.test": ["127.0.0.1"], "mixed.test": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(OriginalUnavailable, match=r"news\.rebind\.test: 127\.0\.0\.1 is a loopback address"):
        _guarded(tmp_path).read(f"http://news.rebind.test:{port}/router.html", tmp_path)
    # One internal answer among public ones refuses the name: the system would try them in turn.
    with pytest.raises(OriginalUnavailable, match=r"mixed\.test: 10\.0\.0\.7 is a private address"):
        _guarded(tmp_path).read(f"http://mixed.test:{port}/router.html", tmp_path)
    assert asked == ["news.rebind.test", "mixed.test"]


def test_a_trusted_name_is_connected_to_at_the_judged_address_with_its_own_host(port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _resolving(monkeypatch, {"intranet.test": ["127.0.0.1"]})
    HITS.clear()
    doc = _guarded(tmp_path, "127.0.0.1/32").read(f"http://intranet.test:{port}/story", tmp_path)
    assert doc.headline is not None and doc.headline.text == "Water bill passes" and [f"intranet.test:{port} /story"] == HITS


def test_a_page_an_unguarded_run_cached_is_not_served_to_a_guarded_one(port: int, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{port}/router.html"
    headline = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(url, tmp_path).headline
    assert headline is not None and "s3cr3t" in headline.text
    with pytest.raises(OriginalUnavailable, match="loopback"):
        _guarded(tmp_path).read(url, tmp_path)


# -- the server --

starlette = pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient  # noqa: E402

from compliance.serve import ServeSettings, host_refusal  # noqa: E402
from compliance.serve.app import create_app  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

PROBE = "# Router admin\n\nBy Rosa Ibarra, CalMatters\n\nThis story was originally published by CalMatters.\n"


def _probe(settings: ServeSettings, port: int) -> Any:
    client = TestClient(create_app(settings), base_url="http://127.0.0.1:8080")
    query = f"?pack=calmatters&meta.original=http://127.0.0.1:{port}/router.html"
    answer = client.post(f"/v1/check{query}", content=PROBE.encode(), headers={"content-type": "text/markdown"})
    assert answer.status_code == 200, answer.text
    return answer


def test_the_server_refuses_to_fetch_an_internal_address_and_says_so_without_its_text(port: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path))
    answer = _probe(ServeSettings(allow_fetch=True), port)
    assert "s3cr3t" not in answer.text and "Router admin - WAN" not in answer.text
    notices = [n["message"] for n in answer.json()["files"][0]["notices"]]
    assert any(f"http://127.0.0.1:{port}/router.html: not fetched: 127.0.0.1 is a loopback address" in m for m in notices), notices


def test_the_server_fetches_from_a_network_its_operator_trusts(port: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path))
    answer = _probe(ServeSettings(allow_fetch=True, fetch_from=("127.0.0.0/8",)), port)
    assert "Router admin - WAN password: s3cr3t-wan" in answer.text


HOSTS = [
    # (listening on, --allow-host, the request's Host, answered)
    ("127.0.0.1", (), "127.0.0.1:8080", True),
    ("127.0.0.1", (), "localhost:8080", True),
    ("127.0.0.1", (), "LOCALHOST.:8080", True),
    ("127.0.0.1", (), "[::1]:8080", True),
    ("127.0.0.1", (), "attacker.example:8080", False),
    ("127.0.0.1", (), "127.0.0.1:9999", False),
    ("127.0.0.1", (), "127.0.0.1", False),
    ("127.0.0.1", (), "192.168.1.5:8080", False),
    ("127.0.0.1", (), "", False),
    ("0.0.0.0", (), "192.168.1.5:8080", True),
    ("0.0.0.0", (), "attacker.example:8080", False),
    ("::", (), "[2001:db8::5]:8080", True),
    ("192.168.1.5", (), "192.168.1.5:8080", True),
    ("192.168.1.5", (), "127.0.0.1:8080", False),
    ("checker.lan", (), "checker.lan:8080", True),
    ("0.0.0.0", ("syndcheck.example.org",), "syndcheck.example.org", True),
    ("0.0.0.0", ("syndcheck.example.org",), "Syndcheck.Example.Org:443", True),
    ("0.0.0.0", ("proxy.example:443",), "proxy.example:443", True),
    ("0.0.0.0", ("proxy.example:443",), "proxy.example:444", False),
]


@pytest.mark.parametrize(("bound", "allowed", "host", "answered"), HOSTS)
def test_a_request_is_answered_only_when_its_host_names_the_server(bound: str, allowed: tuple[str, ...], host: str, answered: bool) -> None:
    why = host_refusal(host, ServeSettings(host=bound, port=8080, allowed_hosts=allowed))
    assert (why is None) == answered, why


@pytest.mark.parametrize("value", ["evil host", "a..b", "-x.example", "news.example:99999", "news.example:port", "<b>x</b>"])
def test_an_allow_host_no_request_can_give_is_a_one_line_error(cli: Any, value: str) -> None:
    run = cli("serve", "--port", "1", "--allow-host", "syndcheck.example.org", "--allow-host", value)
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: --allow-host '{value}' is not a host name a request can give — give a name")
    assert run.err.count("\n") == 1


@pytest.mark.parametrize("value", ["syndcheck.example.org", "proxy.example:443", "intranet_host", "192.0.2.7", "[2001:db8::7]:8443", "localhost."])
def test_an_allow_host_a_request_can_give_is_taken(value: str) -> None:
    from compliance.serve import _check_allowed_host

    _check_allowed_host(value)


def test_a_request_from_a_rebound_name_gets_421_on_every_endpoint() -> None:
    client = TestClient(create_app(ServeSettings(max_bytes=64 * 1024)), base_url="http://127.0.0.1:8080")
    rebound = {"host": "attacker.example:8080"}
    answers = [
        client.get("/healthz", headers=rebound),
        client.get("/", headers=rebound),
        client.post("/v1/check", content=b"<p>x</p>", headers={**rebound, "content-type": "text/plain"}),
    ]
    expected = "this server does not answer for the host 'attacker.example:8080'; address it as http://127.0.0.1:8080/ (or start it with --allow-host NAME)"
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(421, {"code": "misdirected-request", "message": expected})] * 3
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz", headers={"host": "localhost:8080"}).status_code == 200


def test_the_serve_docs_name_both_guards() -> None:
    serve_doc = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    security = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for text in (serve_doc, security):
        assert "--allow-fetch-from" in text and "--allow-host" in text and "421" in text and "DNS rebinding" in text


def test_a_proxy_from_the_environment_does_not_carry_a_guarded_fetch_past_the_guard(port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loopback server as the proxy: used, it would fetch the page and answer with it.
    for variable in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(variable, f"http://127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    HITS.clear()
    with pytest.raises(OriginalUnavailable, match=r"not fetched: 10\.0\.0\.9 is a private address"):
        _guarded(tmp_path).read("http://10.0.0.9/router.html", tmp_path)
    assert HITS == []


def test_the_serve_doc_shows_the_allow_host_refusal_as_printed(cli: Any) -> None:
    doc = " ".join((ROOT / "docs" / "serve.md").read_text(encoding="utf-8").split())
    run = cli("serve", "--port", "1", "--allow-host", "evil host")
    assert f"`{run.err.strip()}`" in doc
