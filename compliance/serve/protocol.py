"""The HTTP/1.1 connections `syndcheck serve` runs: uvicorn's h11 protocol with a deadline for each
request's head (its request line and headers).

uvicorn closes a kept-alive connection left idle between requests, but not one whose request line
and headers trickle in, or stop halfway: a client could hold connections open for as long as it
liked (a "slowloris" attack), and the server has no authentication. The body has its own deadline
in the app (`app.BODY_SECONDS`, 408 `slow-body`); this one answers 408 `slow-headers` and closes
the connection when a request's head is not all in `HEAD_SECONDS` after its first byte, or after
the connection opened.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 30.0


def slow_head_response() -> bytes:
    """The whole HTTP/1.1 answer to a request whose head came too slowly: 408, the API's JSON error
    shape, and `Connection: close`."""
    body = json.dumps(
        {"error": {"code": "slow-headers", "message": f"the request's line and headers did not arrive within {HEAD_SECONDS:g} s; send the request again"}}
    ).encode()
    head = f"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n"
    return head.encode("ascii") + body


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline of `HEAD_SECONDS` for each request's head (see the
    module's docstring); everything else is uvicorn's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_head_deadline()

    def data_received(self, data: bytes) -> None:
        # A first byte after an answer starts the next request's head, and its deadline.
        if self._head_deadline is None and self._between_requests():
            self._start_head_deadline()
        super().data_received(data)
        if self._head_deadline is not None and not self._between_requests():
            self._stop_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_deadline()
        super().connection_lost(exc)

    def _between_requests(self) -> bool:
        """No request whose head has been read is being answered."""
        return self.cycle is None or self.cycle.response_complete

    def _start_head_deadline(self) -> None:
        self._head_deadline = self.loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _stop_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self._between_requests() and not self.transport.is_closing():
            self.transport.write(slow_head_response())
            self.transport.close()
