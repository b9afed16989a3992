"""Which addresses a server may fetch an original story from: the public internet only, unless a
network is trusted by name (`syndcheck serve --allow-fetch-from CIDR`).

A request to `syndcheck serve --allow-fetch` chooses the URL the server fetches, and the answer
quotes the page (its headline, its paragraphs). Without this guard any caller could read what the
server can reach and the caller cannot: loopback services, the LAN, a cloud's metadata address.
The address is judged where the connection is made, for every connection (each redirect's too),
from the name's own lookup at that moment: a name that resolves to a public address for a first
check and to a private one for the fetch (DNS rebinding) is refused all the same, and so is a
name with any refused address among its answers. An I/O edge: `compliance.originals` uses it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from compliance.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 and RFC 8215):
# judged by that IPv4 address, as where the packets end up.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


class AddressRefused(Exception):
    """A fetch refused because an address the host name gives is not public (the message says which and why)."""


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """`--allow-fetch-from` values as networks (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1` for one
    address); a `ConfigError` naming the first that is none."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            hint = "give an address or a CIDR block: 10.0.0.0/8, 192.0.2.7, fd00::/8"
            raise ConfigError(f"--allow-fetch-from '{value}' is not a network", hint=hint) from None
    return tuple(networks)


def _embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped `::ffff:a.b.c.d`, 6to4, Teredo's
    server, NAT64), or None."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[0]
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _kind(address: Address) -> str | None:
    """What makes an address one a server must not fetch from for a caller, with its article
    (`a loopback`, `an unspecified`, …), or None."""
    for kind, refused in (
        ("an unspecified", address.is_unspecified),
        ("a loopback", address.is_loopback),
        ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast),
        ("a reserved", address.is_reserved),
        ("a private", address.is_private),
        ("a site-local", isinstance(address, ipaddress.IPv6Address) and address.is_site_local),
    ):
        if refused:
            return kind
    # Shared address space (100.64.0.0/10, carrier-grade NAT) and the rest IANA marks not global.
    return None if address.is_global else "a non-public"


@dataclass(frozen=True, slots=True)
class FetchGuard:
    """The addresses a fetch may connect to: public ones, and any in `trusted` (networks the
    server's operator named; none by default)."""

    trusted: tuple[Network, ...] = ()

    def refusal(self, address: str) -> str | None:
        """Why the server must not connect to `address` (an IP address as the resolver gives it,
        an IPv6 zone allowed), or None when it may."""
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
        # An IPv6 address that stands for an IPv4 one is judged by it first: that is where it leads.
        embedded = _embedded_ipv4(parsed)
        judged: list[Address] = [parsed] if embedded is None else [embedded, parsed]
        if any(candidate in network for candidate in judged for network in self.trusted if candidate.version == network.version):
            return None
        for candidate in judged:
            kind = _kind(candidate)
            if kind is not None:
                shown = f"{parsed} (that is {candidate})" if candidate != parsed else str(parsed)
                return f"{shown} is {kind} address"
        return None

    def cache_tag(self) -> str:
        """What a cached page fetched under this guard is filed with: a page an unguarded run
        fetched (from loopback, say) is never served from the cache to a guarded one."""
        return "guarded:" + ",".join(sorted(str(network) for network in self.trusted)) + "\n"

    def addresses(self, host: str, port: int) -> list[Any]:
        """The addresses to connect to for `host` (a name or an address in any spelling the
        system resolver takes: `2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`), as `getaddrinfo`
        gives them; `AddressRefused` when any of them is refused (a name with one internal
        answer among public ones is refused, not tried in turn), or `OSError` when none."""
        answers = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
        for answer in answers:
            why = self.refusal(str(answer[4][0]))
            if why is not None:
                named = "" if _is_address(host) else f"{host}: "
                raise AddressRefused(f"{named}{why}; the server fetches only public addresses (its operator can trust a network with --allow-fetch-from)")
        return answers


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def require_fetching() -> None:
    """Raise ConfigError when `--allow-fetch` was given and httpx, which fetches, is not installed
    (it comes with the `fetch` extra): said once before anything is checked or served, rather
    than as a note on every document that names an original by URL."""
    import importlib.util

    if importlib.util.find_spec("httpx") is None:
        raise ConfigError(
            "--allow-fetch needs httpx, which is not installed", hint="install it with: pip install 'syndication-compliance[fetch]', or leave --allow-fetch out"
        )


def guarded_transport(guard: FetchGuard) -> Any:
    """An httpx transport whose every connection goes through `guard`: resolved, judged and made
    to the judged address (TLS still checks the certificate against the host name). The client
    that uses it must not take proxies from the environment (`trust_env=False`): a proxy would
    choose the address itself."""
    import httpcore
    import httpx

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(
            self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Iterable[Any] | None = None
        ) -> httpcore.NetworkStream:
            last: Exception | None = None
            try:
                answers = guard.addresses(host, port)
            except OSError as exc:  # no such name: a connection error, as httpx reports one
                raise httpcore.ConnectError(f"{host}: {exc.strerror or exc}") from None
            for answer in answers:
                try:
                    return super().connect_tcp(str(answer[4][0]), port, timeout=timeout, local_address=local_address, socket_options=socket_options)
                except httpcore.ConnectError as exc:
                    last = exc
            raise last or httpcore.ConnectError(f"{host}: no address")

    class GuardedTransport(httpx.HTTPTransport):
        def __init__(self) -> None:
            super().__init__(trust_env=False)
            # httpx builds its pool without a way to pass a network backend: this one replaces it,
            # with the TLS settings httpx would give it.
            tls = httpx.create_ssl_context()
            self._pool = httpcore.ConnectionPool(ssl_context=tls, network_backend=GuardedBackend(), http1=True, http2=False)

    return GuardedTransport()


__all__ = ["AddressRefused", "FetchGuard", "guarded_transport", "parse_networks", "require_fetching"]
