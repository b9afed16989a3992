"""A guard for the audit's tests: every connection and name lookup must stay on this machine's
loopback. Installed in the test process and, as `sitecustomize`, in every Python process the tests
start (the audit on the command line, Dask's workers and process pools); what tries to leave is
refused and written, one line each, to the file named by SYNDCHECK_LOOPBACK_LOG."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

LOG_VARIABLE = "SYNDCHECK_LOOPBACK_LOG"


def _loopback(host: Any) -> bool:
    if host is None or host in ("localhost", b"localhost", ""):
        return True
    try:
        address = ipaddress.ip_address(host.decode() if isinstance(host, bytes) else str(host).split("%")[0])
    except ValueError:
        return False  # a name: looking it up would ask a resolver elsewhere
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def install(log: str) -> None:
    """Refuse, and record in the file `log`, any connection to or lookup of a host off loopback."""
    connect = socket.socket.connect
    connect_ex = socket.socket.connect_ex
    getaddrinfo = socket.getaddrinfo

    def refuse(what: str) -> OSError:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {what}\n")
        return OSError(f"refused by the tests' loopback guard: {what}")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise refuse(f"connect {address!r}")
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise refuse(f"connect {address!r}")
        return connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, str(refuse(f"lookup {host!r}")))
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = guarded_getaddrinfo


if os.environ.get(LOG_VARIABLE) and __name__ == "sitecustomize":
    install(os.environ[LOG_VARIABLE])
