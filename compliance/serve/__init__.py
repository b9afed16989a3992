"""`syndcheck serve`: the checker as a small web app, for editors (a page to paste or upload an
article and see its findings marked in place) and for CMS pipelines (`POST /v1/check`, answering
the CLI's JSON v1 document).

Runs on Starlette under uvicorn (the `serve` extra). Packs are loaded once, when the server
starts: a broken pack stops it with the usual one-line error before any port is opened. Each
worker process (one per core by default) loads them once too, from the pack cache. No URL is
fetched unless `--allow-fetch` is given, and then only the original story a request names; an
article's links and images are only read, and the HTML view loads nothing.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from compliance.errors import ConfigError
from compliance.loading import DEFAULT_MAX_BYTES

SETTINGS_VARIABLE = "SYNDCHECK_SERVE_SETTINGS"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_TIME_LIMIT = 10.0


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How the server runs: where it listens, what it loads, and its limits.

    `max_bytes` bounds a request body (413 above it); `time_limit` (seconds) bounds one check
    (504 past it), not counting the fetch of its original, which has its own limit; `workers` is
    the number of processes (None: one per core); `allow_fetch` lets a request's `original`
    metadata name a URL to fetch (never a file: the server reads none), at a public address or in
    one of the `fetch_from` networks; `allowed_hosts` are the names a request's `Host` header may
    give besides the address listened on (see `host_refusal`).
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int | None = None
    rules: tuple[str, ...] = ()
    config: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT
    allow_fetch: bool = False
    # Networks a fetch may reach beyond the public internet (`--allow-fetch-from`, CIDR blocks).
    fetch_from: tuple[str, ...] = ()
    # Host names a request's `Host` may give besides the address listened on (`--allow-host`).
    allowed_hosts: tuple[str, ...] = ()

    def to_environment(self) -> str:
        """The settings as JSON, for worker processes started by uvicorn."""
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> ServeSettings:
        """The settings the parent process left in the environment (defaults when absent)."""
        raw = os.environ.get(SETTINGS_VARIABLE)
        if not raw:
            return cls()
        values = json.loads(raw)
        for key in ("rules", "fetch_from", "allowed_hosts"):
            values[key] = tuple(values.get(key, ()))
        return cls(**values)


# The most `--workers` a machine is given, per core: a server's CPU-bound workers gain nothing
# beyond a few per core.
WORKERS_PER_CORE = 4


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only: `localhost`, or a loopback address
    (`127.0.0.0/8`, `::1`, with or without brackets). Any other name or address (`0.0.0.0`, `::`,
    a LAN address, a host name) may be reachable from other machines."""
    import ipaddress

    name = host.strip().strip("[]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_and_port(value: str) -> tuple[str, int | None]:
    """A `Host` header's name (lower case, no brackets or final dot) and port (None: none given;
    -1: not a number)."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif value.count(":") == 1:
        name, _, port = value.partition(":")
    else:
        name, port = value, ""
    if not port:
        return name.rstrip("."), None
    return name.rstrip("."), int(port) if port.isdigit() else -1


def host_refusal(host_header: str | None, settings: ServeSettings) -> str | None:
    """Why a request's `Host` header does not name this server, or None when it does.

    A web page on another site can make a browser send requests to the server by pointing its own
    name at 127.0.0.1 (DNS rebinding); its requests then carry that site's name as their `Host`,
    never an address. So the server answers a `Host` that is an IP address it may be reached at
    (the address listened on; any loopback address when it listens on loopback; any address when
    it listens on all of them, `0.0.0.0` or `::`), `localhost` when it listens on loopback, the
    `--host` name itself, or a name given with `--allow-host` (`NAME` at any port, `NAME:PORT` at
    that port only); the port must be the one listened on, except for an `--allow-host NAME`
    (behind a proxy the port is the proxy's). A request without a `Host` (HTTP/1.0) is answered:
    no browser sends one."""
    import ipaddress

    from compliance.display import visible

    if host_header is None:
        return None
    name, port = _host_and_port(host_header)
    for allowed in settings.allowed_hosts:
        allowed_name, allowed_port = _host_and_port(allowed)
        if name == allowed_name and (allowed_port is None or allowed_port == port):
            return None
    bound = settings.host.strip().strip("[]").lower().rstrip(".")
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    names_this_server = (
        name == bound
        or (name == "localhost" and is_loopback(bound))
        or (address is not None and (bound in ("0.0.0.0", "::") or (address.is_loopback and is_loopback(bound))))
    )
    if names_this_server and port in (settings.port, None if settings.port == 80 else settings.port):
        return None
    listening = f"http://{settings.host}:{settings.port}/"
    return f"this server does not answer for the host '{visible(host_header)}'; address it as {listening} (or start it with --allow-host NAME)"


def exposure_warning(host: str) -> str | None:
    """The one-line warning for a server listening beyond loopback (it has no authentication), or None."""
    if is_loopback(host):
        return None
    return (
        f"syndcheck: warning: --host {host} may be reachable from other machines and the server has no authentication;"
        " keep it on 127.0.0.1 or put it behind access control"
    )


def run_server(settings: ServeSettings, announce: Callable[[str], None] | None = None, warn: Callable[[str], None] | None = None) -> None:
    """Validate the packs, then serve until interrupted (blocking); `announce` is told the URL
    once the port takes connections (a pipeline that waits for the line, then sends its first
    request, is not refused while the server starts), and `warn` the warning of
    `exposure_warning` before it starts, when there is one."""
    try:
        import uvicorn
    except ImportError:
        raise ConfigError("syndcheck serve needs the web server packages", hint="install them with: pip install 'syndication-compliance[serve]'") from None
    if settings.allow_fetch:
        from compliance.fetchguard import require_fetching

        require_fetching()
    from compliance.serve.app import build_checker
    from compliance.serve.protocol import HeadDeadlineProtocol

    cores = os.cpu_count() or 1
    if settings.workers is not None and settings.workers > WORKERS_PER_CORE * cores:
        # Each worker is a process holding every pack; thousands of them would take the machine
        # down while they start, before the server could even answer a signal.
        raise ConfigError(
            f"--workers {settings.workers} is more than {WORKERS_PER_CORE} per core",
            hint=f"give at most {WORKERS_PER_CORE * cores} on this machine ({cores} cores); one per core is the default",
        )
    for allowed in settings.allowed_hosts:
        _check_allowed_host(allowed)
    # Loads and validates every pack now: a broken pack is a one-line error before the port opens.
    build_checker(settings)
    _check_port(settings.host, settings.port)
    os.environ[SETTINGS_VARIABLE] = settings.to_environment()
    warning = exposure_warning(settings.host)
    if warn is not None and warning is not None:
        warn(warning)
    if announce is not None:
        _announce_once_listening(settings.host, settings.port, announce)
    workers = settings.workers or cores
    uvicorn.run(
        "compliance.serve.app:create_app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
        # uvicorn's h11 protocol, with a deadline for each request's head (slow-headers).
        http=HeadDeadlineProtocol,
    )


# How long the server may take to start before its address is no longer waited for (its packs
# load in each worker before a single worker binds the port), and how often the port is tried.
_START_SECONDS = 120.0
_START_POLL_SECONDS = 0.05


def _announce_once_listening(host: str, port: int, announce: Callable[[str], None]) -> None:
    """Tell `announce` the server's URL from a background thread as soon as a connection to the
    port succeeds (uvicorn binds it only once it has started: with one worker, after the app and
    its packs are loaded, seconds after the packs were validated here); nothing when the server
    has not started within `_START_SECONDS` (it has said why by then)."""
    import socket
    import threading
    import time

    url = f"http://{host}:{port}/"
    # A server on every address is reached on loopback.
    target = {"0.0.0.0": "127.0.0.1", "::": "::1", "[::]": "::1"}.get(host, host.strip("[]"))

    def wait() -> None:
        deadline = time.monotonic() + _START_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((target, port), timeout=1.0):
                    announce(url)
                    return
            except OSError:
                time.sleep(_START_POLL_SECONDS)

    threading.Thread(target=wait, name="syndcheck-announce", daemon=True).start()


# A host name as a `Host` header gives it: dot-separated labels of letters, digits and hyphens
# (RFC 1123), not starting or ending with a hyphen, and underscores, which intranet names hold
# and a URL's host may (RFC 3986).
_HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*")


def _check_allowed_host(value: str) -> None:
    """A `ConfigError` for an `--allow-host` value that no `Host` header can carry: a name with
    a space or another character no host name has, an IPv6 address without its brackets, or a
    port that is none (not 1 to 65535)."""
    import ipaddress

    name, port = _host_and_port(value)
    try:
        ipaddress.ip_address(name)
        named = True
    except ValueError:
        named = bool(_HOST_NAME.fullmatch(name))
    if not named or port == -1 or (port is not None and not 0 < port < 65536):
        from compliance.display import visible

        raise ConfigError(
            f"--allow-host '{visible(value)}' is not a host name a request can give",
            hint="give a name as a browser sends it in the Host header: news.example.org, news.example.org:8443, 192.0.2.7, [2001:db8::7]",
        )


def _check_port(host: str, port: int) -> None:
    """A `ConfigError` when the address cannot be listened on (a port in use, an address this
    machine does not have), before anything is announced: uvicorn would log it raw and exit 3."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}: {exc.strerror or exc}", hint="check --host") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: SO_REUSEADDR, so a port in TIME_WAIT after a restart is not "in use".
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", hint="choose another --port, or stop what is using it") from None


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "ServeSettings", "exposure_warning", "host_refusal", "is_loopback", "run_server"]
