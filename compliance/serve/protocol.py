"""The HTTP/1.1 connections `syndcheck serve` runs: uvicorn's h11 protocol with a deadline for each
request's head (its request line and headers).

uvicorn closes a kept-alive connection left idle between requests, but not one whose request line
and headers trickle in, or stop halfway: a client could hold connections open for as long as it
liked (a "slowloris" attack), and the server has no authentication. The body has its own deadline
in the app (`app.BODY_SECONDS`, 408 `slow-body`); this one answers 408 `slow-headers` and closes
the connection when a request's head is not all in `HEAD_SECONDS` after its first byte, or after
the connection opened.

A request h11 cannot read (two Content-Length headers that differ, a header line without a colon)
is answered 400 `bad-request` in the API's JSON error shape, where uvicorn answers in plain text.
So is a request with both a Content-Length and a Transfer-Encoding header, which h11 would read by
its chunked framing and keep the connection open after: a proxy in front that reads the body by its
Content-Length instead takes the rest for another request (request smuggling). RFC 9112 §6.1: such
a message is an error, or its connection is closed after it; here both.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
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


# What h11 says of a request it refuses (or `_OneFramingConnection` says), by the start of its
# reason → the one line the client is told: which fault it was, and what to send instead.
_REFUSED_BECAUSE = (
    (
        "conflicting Content-Length headers",
        "the request has two Content-Length headers that differ (or a list of lengths), so where its body ends is unknown; send one Content-Length",
    ),
    ("bad Content-Length", "the request's Content-Length is not a number; send the body's length in bytes"),
    (
        "both Content-Length and Transfer-Encoding",
        "the request has both a Content-Length and a Transfer-Encoding header (RFC 9112 §6.1: a proxy in front could read its body by the other"
        " and take the rest for a second request); send one of them",
    ),
    ("illegal header line", "a header line of the request is not NAME: VALUE (it has no colon, or a control character); send well-formed headers"),
    ("illegal request line", "the request line is not METHOD PATH HTTP/1.1; send a well-formed request line"),
    ("Missing mandatory Host", "the HTTP/1.1 request has no Host header; send one naming the server"),
    ("Receive buffer too long", "the request line and headers are too long to read; send shorter ones"),
    (
        "Only Transfer-Encoding: chunked",
        "the request's Transfer-Encoding is not chunked, the only one the server reads; send the body chunked, or with a Content-Length",
    ),
)
# What a request h11 refuses for a reason not listed above is told.
BAD_REQUEST_MESSAGE = "the request is not well-formed HTTP/1.1; send one well-formed request"


def bad_request_message(reason: str) -> str:
    """The one line a request h11 refused is told, from h11's `reason`: which fault it was
    (`_REFUSED_BECAUSE`), else `BAD_REQUEST_MESSAGE`."""
    return next((said for start, said in _REFUSED_BECAUSE if reason.startswith(start)), BAD_REQUEST_MESSAGE)


def bad_request_body(reason: str = "") -> bytes:
    """The body of the 400 `bad-request` answer to a request h11 cannot read (h11's `reason`):
    the API's JSON error shape."""
    return json.dumps({"error": {"code": "bad-request", "message": bad_request_message(reason)}}).encode()


class _OneFramingConnection(h11.Connection):
    """h11's connection, refusing a request whose body is framed twice, by a Content-Length and by
    a Transfer-Encoding (RFC 9112 §6.1, request smuggling): `next_event` raises
    `h11.RemoteProtocolError` for it, as for any request h11 cannot read, before its body is read."""

    # Why the last request was refused (h11's reason), for the answer to say which fault it was.
    refused_because = ""

    def next_event(self) -> Any:
        try:
            event = super().next_event()
            if isinstance(event, h11.Request):
                names = {name.lower() for name, _ in event.headers.raw_items()}
                if b"content-length" in names and b"transfer-encoding" in names:
                    raise h11.RemoteProtocolError("both Content-Length and Transfer-Encoding", error_status_hint=400)
        except h11.RemoteProtocolError as exc:
            self.refused_because = str(exc)
            raise
        return event


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline of `HEAD_SECONDS` for each request's head (see the
    module's docstring) and the API's JSON error for a request h11 cannot read or that frames its
    body twice; everything else is uvicorn's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        self.conn = _OneFramingConnection(h11.SERVER, self.conn._max_incomplete_event_size)

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

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 refused (`h11.RemoteProtocolError`: conflicting Content-Length
        headers, a malformed request line or header, a head over h11's size limit) as every other
        API error is answered, `{"error": {"code": "bad-request", …}}`, where uvicorn sends
        `msg` as plain text. uvicorn calls this method for that one case, with its generic `msg`
        (h11's own reason is not passed on: the connection kept it), and closes the connection
        after it, as here."""
        conn = self.conn
        body = bad_request_body(conn.refused_because if isinstance(conn, _OneFramingConnection) else "")
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        self.transport.close()

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self._between_requests() and not self.transport.is_closing():
            self.transport.write(slow_head_response())
            self.transport.close()
