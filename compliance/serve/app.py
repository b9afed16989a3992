"""The web app: the editor's page, `POST /v1/check`, `GET /v1/packs`, `/healthz`, `/openapi.json`.

Every check goes through `Runner.check_article`, the function the command line uses for CMS
payloads (in a check process of `compliance.serve.workers`, killed past the time limit), so a
request and `syndcheck check` give the same findings for the same article. Errors are JSON
objects `{"error": {"code", "message"}}` with stable codes: 400 `bad-input` (and `bad-json`,
`unsupported-content-type`), 413 `too-large`, 415 `unsupported-content-encoding`, 422 `unknown-pack`,
504 `time-limit`, 500 `internal-error`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

import anyio
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from compliance import __version__
from compliance.advice import API_ADVICE, Advice
from compliance.checks import compares_with_original
from compliance.cms import (
    HTML_FIELDS,
    MAX_ARTICLE_VALUES,
    TOO_MANY_VALUES,
    CmsProblem,
    holds_too_many_values,
    loads_payload,
    mark_refusal,
    names_packs,
    payload_article,
    shown_key,
    unread_notices,
    wordpress_post,
)
from compliance.decoding import decode_bytes, not_an_article
from compliance.display import json_output, visible
from compliance.document import DocumentKind
from compliance.errors import closest, nearest
from compliance.fetchguard import FetchGuard, parse_networks
from compliance.findings import Finding, Notice
from compliance.fixtemplates import BUILT_IN_VALUES, BUILT_IN_VALUES_ON_THE_PAGE, metadata_problems
from compliance.formatters.context import ArticleSource, FormatContext
from compliance.formatters.json import format_json
from compliance.loading import distinct_pack_ids, stdin_kind
from compliance.metavalues import NO_KEY, PASTED_ENDS, given_key, given_value, is_blank_key, merged_meta, same_key
from compliance.packs import Pack
from compliance.runner import FileResult, HeldOriginal, Runner, RunOptions, RunStatus
from compliance.serve import ServeSettings, host_refusal
from compliance.serve.openapi import openapi_document
from compliance.serve.page import OTHER_META_FIELD, PAGE_META_FIELDS, TypedForm, editor_page
from compliance.serve.workers import CheckJob, CheckPool, WorkerDied
from compliance.text import listed, shorten
from compliance.urls import is_http_url

RAW_KINDS: dict[str, DocumentKind] = {"text/html": "html", "text/plain": "text", "text/markdown": "markdown"}


class SafeJSONResponse(JSONResponse):
    """A JSON response written as the command line writes JSON (`display.json_output`): bidi
    controls, C1 controls, DEL and the line separators from an article's name, a payload's id or
    its metadata as `\\uXXXX` escapes (which parse back to the same text), and a lone surrogate (a
    broken `\\ud800` escape), which UTF-8 cannot encode and strict parsers refuse, as its visible
    escape. A terminal running `curl` or a CMS showing `path` never gets a raw right-to-left
    override or line break."""

    def render(self, content: Any) -> bytes:
        return json_output(json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))).encode("utf-8")


class ApiError(Exception):
    """A request the server refuses: HTTP status, stable code, one-line message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def response(self) -> JSONResponse:
        """The error as the JSON body every error shares."""
        return SafeJSONResponse({"error": {"code": self.code, "message": self.message}}, status_code=self.status)


@dataclass(frozen=True, slots=True)
class Checker:
    """The loaded packs and settings one server process checks with."""

    runner: Runner
    settings: ServeSettings
    context: FormatContext
    pool: CheckPool

    def context_now(self) -> FormatContext:
        """The format context with every way the server's configuration weakened the checks so
        far (noted as checks run), so a result says what `syndcheck check` would say of it."""
        return dataclasses.replace(self.context, adjusted_rules=tuple(self.runner.adjusted_rules()))

    @property
    def pack_ids(self) -> tuple[str, ...]:
        """Every loaded pack id."""
        return tuple(p.id for p in self.context.packs)

    def refuse(self, packs: Sequence[str], meta: Mapping[str, str]) -> tuple[str, ...]:
        """The distinct packs a request names, once it is known to ask for nothing the server
        refuses (the first of `refusals`, raised)."""
        packs = distinct_pack_ids(packs)  # a pack named twice (query and payload, say) is applied once
        problems = self.refusals(packs, meta)
        if problems:
            raise problems[0]
        return tuple(packs)

    def refusals(
        self, packs: Sequence[str], meta: Mapping[str, str], *, packs_listed: str = "GET /v1/packs lists them", unknown_pack_status: int = 422
    ) -> list[ApiError]:
        """What the server refuses in a request's packs and metadata, each: unknown packs
        (`unknown_pack_status`: the API's 422, the page's 400; every one named, with the pack it is
        closest to, "did you mean 'dcnf'?", then `packs_listed`: where the client finds the packs
        there are); an `original` that is no http(s) URL, each metadata value `--meta` would
        refuse (400)."""
        problems: list[ApiError] = []
        unknown = [p for p in packs if p not in self.pack_ids]
        if unknown:
            named = listed([f"'{visible(shown_key(p))}'" for p in unknown])
            meant = [(p, close) for p in unknown if (close := nearest(p, self.pack_ids)) is not None]
            hints = "".join(
                f"did you mean '{close}'? " if len(unknown) == 1 else f"did you mean '{close}' for '{visible(shown_key(p))}'? " for p, close in meant
            )
            message = f"unknown {'pack' if len(unknown) == 1 else 'packs'} {named}; {hints}{packs_listed}"
            problems.append(ApiError(unknown_pack_status, "unknown-pack", message))
        original = given_value(meta, "original").strip()
        if original and not is_http_url(original):
            # On the command line `original` may be a file; a request must never make the server
            # read one of its own files (and show its text as evidence).
            problems.append(ApiError(400, "bad-input", "'original' must be the original story's http(s) URL: the server reads no files"))
        # The command line's refusal of `--meta logo-url=javascript:…`, for a request's metadata.
        problems += [ApiError(400, "bad-input", exc.one_line()) for exc in metadata_problems(meta, self.context.packs)]
        return problems

    async def check_in_time(
        self,
        data: bytes,
        kind: DocumentKind,
        *,
        name: str,
        packs: Sequence[str],
        meta: Mapping[str, str],
        original: HeldOriginal | None = None,
        advice: Advice = API_ADVICE,
    ) -> FileResult:
        """One article, as `syndcheck check` would check it, in one of the check processes (see
        `compliance.serve.workers`): answered 504 past the time limit, its process then killed so
        that the next request does not wait for it; unknown packs and refused metadata first.
        `original`: the original story's file uploaded on the page, compared with instead.
        `advice`: how the notices say to give what a rule lacks (the API's words, or the page's)."""
        job = CheckJob(data, kind, name, self.refuse(packs, meta) or None, dict(meta), original, advice)
        try:
            done = await self.pool.check(self, job, self.settings.time_limit)
        except WorkerDied:
            raise ApiError(500, "internal-error", "the process checking the article was killed (by a signal, or out of memory)") from None
        if done is None:
            raise ApiError(504, "time-limit", f"the check took longer than {self.settings.time_limit:g} s; {_SMALLER} --time-limit")
        result, adjustments = done
        for key, adjustment in adjustments:
            # Noted in the check process: the server's own runner says them in every later result.
            self.runner.adjustments.setdefault(key, adjustment)
        return result


def build_checker(settings: ServeSettings) -> Checker:
    """Load the packs (raises PackError for a broken one) and the settings of every check."""
    options = RunOptions(
        rules=tuple(_paths(settings.rules)),
        config=_path(settings.config),
        max_bytes=settings.max_bytes,
        allow_fetch=settings.allow_fetch,
        # A request chooses the URL: only public addresses, and the networks the operator trusts.
        fetch_guard=FetchGuard(parse_networks(settings.fetch_from)),
    )
    runner = Runner(options)
    context = FormatContext(packs=tuple(runner.all_packs()), tool_version=__version__)
    return Checker(runner, settings, context, CheckPool(settings))


def _paths(values: Sequence[str]) -> list[Any]:
    from pathlib import Path

    return [Path(v) for v in values]


def _path(value: str | None) -> Any:
    from pathlib import Path

    return Path(value) if value else None


# Seconds a client may take to send a request's body (the editor's form included): one that
# stalls mid-body is answered 408 and its connection closed, not held open for ever.
BODY_SECONDS = 30.0
# The remedies the error answers end with.
_SMALLER = "send a smaller article, or start the server with a larger"
_SEND_JSON_OR_ARTICLE = "send one JSON object (a CMS payload), or the article itself as text/html, text/plain or text/markdown"
_ENDPOINTS = "the API is POST /v1/check, GET /v1/packs, GET /healthz and GET /openapi.json, and GET / the editor's page"


def _slow_body() -> ApiError:
    return ApiError(408, "slow-body", f"the request's body did not arrive within {BODY_SECONDS:g} s; send it again")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes (0: no limit), and
    with 408 when it has not all arrived within `BODY_SECONDS`."""
    declared = request.headers.get("content-length", "")
    if limit and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too-large", f"the body is {int(declared)} bytes; the limit is {limit}: {_SMALLER} --max-bytes")
    chunks = []
    size = 0
    with anyio.move_on_after(BODY_SECONDS):
        async for chunk in request.stream():
            size += len(chunk)
            if limit and size > limit:
                raise ApiError(413, "too-large", f"the body is larger than the limit of {limit} bytes: {_SMALLER} --max-bytes")
            chunks.append(chunk)
        return b"".join(chunks)
    raise _slow_body()


def refuse_content_encoding(request: Request) -> None:
    """Refuse (415 `unsupported-content-encoding`) a body sent compressed (`Content-Encoding:
    gzip`, `br`, …): checking its compressed bytes would answer "not an article", and decoding it
    would let a small body expand past the size limit (a decompression bomb) before the limit
    could be applied. `identity` is no encoding."""
    encodings = [e.strip().lower() for e in ",".join(request.headers.getlist("content-encoding")).split(",") if e.strip()]
    sent = [e for e in encodings if e != "identity"]
    if sent:
        raise ApiError(
            415,
            "unsupported-content-encoding",
            f"the body is sent with Content-Encoding: {visible(', '.join(sent))}, which the server does not decode; send it uncompressed",
        )


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


# What a client whose charset names no text encoding a page may be in (UTF-7, `rot13`, a typo) does.
CHARSET_ADVICE = (
    "it names no encoding a browser reads a page in: send the body as UTF-8 with charset=utf-8 (or no charset),"
    " or name a charset of the WHATWG Encoding Standard, such as windows-1252, iso-8859-2 or shift_jis"
)


def declared_charset(body: bytes, content_type: str) -> bytes:
    """The body as UTF-8 behind a byte-order mark when the Content-Type declares its charset.

    HTTP's charset outranks a `<meta charset>` in the page and any guess, as in a browser; only a
    byte-order mark in the body outranks it. The body is decoded with the declared charset and
    given to the checker as UTF-8 behind a BOM, which the decoder takes first. Bytes the charset
    cannot decode are shown as U+FFFD, as a browser shows them."""
    import codecs
    from email.message import Message

    header = Message()
    header["content-type"] = content_type
    charset = header.get_param("charset")
    if not body or not isinstance(charset, str) or not charset.strip() or body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body
    from ..decoding import text_encoding

    encoding = text_encoding(charset)
    if encoding is None:
        raise ApiError(400, "unsupported-content-type", f"unknown charset '{visible(charset)}' in the Content-Type — {CHARSET_ADVICE}")
    text = body.decode(encoding, "replace")
    wrong = _not_text_in(body, text, encoding)
    if wrong is not None:
        raise ApiError(
            400,
            "unsupported-content-type",
            f"the body is not text in the charset the Content-Type declares ('{visible(charset)}'): read so, {wrong}; it is valid UTF-8:"
            " send charset=utf-8, or no charset",
        )
    return codecs.BOM_UTF8 + text.encode("utf-8", "replace")


# The Unicode categories no article's text is made of: unassigned, private use, surrogates.
_NOT_TEXT_CATEGORIES = ("Cn", "Co", "Cs")


def _not_text_in(body: bytes, text: str, encoding: str) -> str | None:
    """Why `text`, the body decoded with its declared `encoding`, is clearly not the text that
    was sent, when the body is valid UTF-8 (a client that declared the wrong charset for UTF-8
    bytes); None when it may be right, or when the body is not UTF-8 and nothing better is known.

    UTF-16 and UTF-32 are wrong for a body without a single zero byte: any article has markup,
    spaces or line breaks, which those encodings write with zero bytes. Any charset is wrong when
    the text it gives has NUL characters, or when most of its characters are undecodable (U+FFFD),
    unassigned, private-use or surrogates."""
    import unicodedata

    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if encoding.startswith(("utf-16", "utf-32")) and b"\x00" not in body:
        return "it has no zero byte, which every article in that encoding has"
    if "\x00" in text:
        return "it holds NUL characters"
    characters = [char for char in text if not char.isspace()]
    odd = sum(1 for char in characters if char == "\ufffd" or unicodedata.category(char) in _NOT_TEXT_CATEGORIES)
    if characters and odd * 2 >= len(characters):
        return f"{odd} of its {len(characters)} characters are undecodable, unassigned or private-use"
    return None


def _check_payload_types(payload: Mapping[str, Any]) -> None:
    """Refuse a payload whose article is not text, or that has none, instead of quietly checking nothing.

    Every other field is judged by `compliance.cms`, the reader of `--input-kind cms-json`, so that
    a request and the command line take and refuse the same values: metadata (`reporter`,
    `original_url`, … and the values under `meta`) is a string or a number (read as its text),
    null for none, and `true`/`false`, an array or an object is refused, the field named; an id
    that is no string or number names nothing and gets an `unknown-field` notice. A WordPress
    REST API post (`cms.wordpress_post`: `"content": {"rendered": …}`) is judged by that reader too."""
    if wordpress_post(payload) is not None:
        return
    for key in HTML_FIELDS:
        # null is no article, as on the command line: another field may hold it.
        if payload.get(key) is not None and not isinstance(payload[key], str):
            raise ApiError(400, "bad-input", f"'{key}' must be a string (the article's HTML)")
    if not any(isinstance(payload.get(key), str) for key in HTML_FIELDS):
        raise ApiError(400, "bad-input", f"no article HTML (one of the fields {', '.join(HTML_FIELDS)})")


QUERY_PARAMETERS = ("pack", "name")


def _unknown_query_notices(query: Mapping[str, str]) -> tuple[Notice, ...]:
    """An `unknown-field` notice per query parameter that is not read (a misspelt `packs=`, with
    "did you mean"), as for a payload field; `meta.` with an empty or blank key is refused (400 `bad-input`)."""
    unread = []
    for key in query:
        if key.startswith("meta.") and is_blank_key(key[5:]):
            raise ApiError(400, "bad-input", f"query parameter '{visible(key)}' {NO_KEY}: write meta.KEY=VALUE (meta.reporter=Jake%20Smith)")
        if key in QUERY_PARAMETERS or key.startswith("meta."):
            continue
        if names_packs(key):
            # A pack choice not read would be answered with the packs detection picks: refused.
            raise ApiError(400, "bad-input", f"query parameter '{visible(key)}' is not read — the packs are chosen with pack=ID (repeat it for several)")
        unread.append(key)

    def said(key: str) -> str:
        hint = closest(key, QUERY_PARAMETERS) or "the query takes pack=ID, meta.KEY=VALUE and name=NAME"
        return f"query parameter '{visible(shown_key(key))}' is not read — {hint}"

    return unread_notices(unread, said, "query parameters")


def refuse_repeated_query(pairs: Sequence[tuple[str, str]]) -> None:
    """Refuse (400 `bad-input`) a query parameter that takes one value given more than once
    (`meta.reporter=A&meta.reporter=B`, `name=…` twice): which one was meant is unknown, as for a
    key a payload gives twice. `pack` is the parameter meant to be repeated."""
    seen: set[str] = set()
    spelt: dict[str, str] = {}  # each `meta.KEY` as first given, by `same_key` of its KEY
    for key, _value in pairs:
        if key in seen and key != "pack":
            raise ApiError(400, "bad-input", f"query parameter '{visible(key)}' is given twice: only one value would be checked; give it once")
        seen.add(key)
        if key.startswith("meta.") and (before := spelt.setdefault(same_key(key[5:]), key)) != key:
            # `meta.reporter` and `meta.Reporter` are one key (`--meta` and a payload's `meta` refuse them too).
            raise ApiError(
                400,
                "bad-input",
                f"query parameters '{visible(before)}' and '{visible(key)}' are one metadata key in two spellings"
                " (keys are read without letter case, '-' as '_'): only one value would be checked; give it once",
            )


def parse_check_request(
    body: bytes, media_type: str, query: Mapping[str, str], packs_query: Sequence[str]
) -> tuple[bytes, DocumentKind, str, list[str], dict[str, str], tuple[Notice, ...]]:
    """What to check from a request: the article bytes, kind, display name, packs, metadata, and
    notices about the request (payload fields that are not read)."""
    meta = {key[5:]: value for key, value in query.items() if key.startswith("meta.") and len(key) > 5}
    packs = list(packs_query)
    query_notices = _unknown_query_notices(query)
    if media_type == "application/json":
        text = payload_text(body)
        if holds_too_many_values(text):
            # Refused before it is parsed: reading it takes time that grows with what it holds.
            raise ApiError(400, "bad-input", TOO_MANY_VALUES)
        try:
            payload = loads_payload(text)
        except (ValueError, RecursionError) as exc:
            raise ApiError(400, "bad-json", f"the body is not valid JSON: {exc}; {_SEND_JSON_OR_ARTICLE}") from None
        if not isinstance(payload, dict):
            raise ApiError(400, "bad-input", "the body must be one JSON object (one article per request)")
        _check_payload_types(payload)
        # The body as sent (not the object read from it), so that a field given twice is refused at its line.
        article = payload_article(payload, text, "payload")
        if isinstance(article, CmsProblem):
            raise ApiError(400, "bad-input", article.reason)
        packs += article.packs
        # A lone surrogate (a broken \\ud800 escape) cannot be UTF-8: it becomes U+FFFD, as on the command line.
        notices = (*query_notices, *article.payload_notices())
        # `?name=` names a payload's article too, instead of `payload#1 (id)`.
        name = shown_key(query["name"]) if query.get("name") else article.name
        return article.html.encode("utf-8", "replace"), "html", name, packs, merged_meta(article.meta, meta), notices
    if media_type in RAW_KINDS:
        # An empty article is answered as the command line answers an empty file: not checked.
        kind = RAW_KINDS[media_type]
        # `?name=` is a label the answer echoes: cut as a message cuts a value it quotes (`shown_key`).
        name = shown_key(query.get("name") or f"article.{ {'html': 'html', 'text': 'txt', 'markdown': 'md'}[kind] }")
        return body, kind, name, packs, meta, query_notices
    raise ApiError(400, "unsupported-content-type", "send application/json (a CMS payload), text/html, text/plain or text/markdown")


def payload_text(body: bytes) -> str:
    """A JSON body's text: UTF-16 or UTF-32 as `json.loads` tells them from bytes (and as
    `cms.utf8_payload` reads them on the command line), a character that does not decode as
    U+FFFD; UTF-8 as it is (after its byte-order mark, if any). A body that is neither is refused
    (400 `bad-json`, the offset of its first byte that is no UTF-8 named), and so is a UTF-16 or
    UTF-32 byte-order mark before bytes that are UTF-8, as on the command line."""
    refused = mark_refusal(body)
    if refused is not None:
        raise ApiError(400, "bad-json", f"{refused[0]}; {refused[1]}")
    encoding = json.detect_encoding(body)
    if not encoding.startswith("utf-8"):
        return body.decode(encoding, "replace")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # RFC 8259 §8.1: JSON exchanged between systems is UTF-8. A guess at another encoding
        # would check text the CMS never sent (`ÿþ café`), so the body is refused instead.
        raise ApiError(
            400,
            "bad-json",
            f"the body is not UTF-8 (RFC 8259 §8.1): byte {exc.start} (0x{body[exc.start]:02x}) is not valid UTF-8; send the JSON encoded as UTF-8",
        ) from None
    return decode_bytes(body).text


def result_document(result: FileResult, context: FormatContext) -> dict[str, Any]:
    """The CLI's JSON v1 document for one article, plus `status`: the exit code the CLI would give."""
    document: dict[str, Any] = json.loads(format_json([result.report], context))
    document["status"] = RunStatus().add(result).exit_code()
    return document


def _page(html: str, status: int = 200) -> Response:
    """The editor's page, with its Content-Security-Policy as a header too: a browser ignores a
    `<meta>` policy's `frame-ancestors`, so only the header keeps another site from framing the
    page (and `X-Frame-Options` for browsers without CSP 2)."""
    from compliance.serve.page import PAGE_CSP

    headers = {"Content-Security-Policy": PAGE_CSP, "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(html, status_code=status, headers=headers)


def create_app(settings: ServeSettings | None = None, checker: Checker | None = None) -> Starlette:
    """The ASGI app (packs loaded now, once)."""
    checker = checker or build_checker(settings or ServeSettings())

    async def check_endpoint(request: Request) -> Response:
        try:
            refuse_content_encoding(request)
            body = await read_body(request, checker.settings.max_bytes)
            body = declared_charset(body, request.headers.get("content-type", ""))
            refuse_repeated_query(request.query_params.multi_items())
            # Reading a payload takes time that grows with its bytes (bounded by --max-bytes, and its
            # fields by MAX_ARTICLE_VALUES): done off the event loop, so that the worker goes on
            # answering its other requests (/healthz, the editor's page) meanwhile.
            data, kind, name, packs, meta, notices = await anyio.to_thread.run_sync(
                parse_check_request, body, _media_type(request), request.query_params, request.query_params.getlist("pack")
            )
            result = await checker.check_in_time(data, kind, name=name, packs=packs, meta=meta)
            if notices:
                result = dataclasses.replace(result, report=dataclasses.replace(result.report, notices=(*notices, *result.report.notices)), packed=b"")
        except ApiError as exc:
            return exc.response()
        if result.failure == "bug":
            return ApiError(500, "internal-error", "the check failed because of a bug; please report it with the article").response()
        return SafeJSONResponse(result_document(result, checker.context_now()))

    async def packs_endpoint(request: Request) -> Response:
        del request
        return SafeJSONResponse(
            {
                "packs": [
                    {"id": p.id, "name": p.name, "publisher": p.publisher, "terms_url": p.terms_url, "as_of": p.as_of, "rules": len(p.rules)}
                    for p in checker.context.packs
                ]
            }
        )

    async def health_endpoint(request: Request) -> Response:
        del request
        return SafeJSONResponse({"status": "ok", "version": __version__, "packs": len(checker.context.packs)})

    async def openapi_endpoint(request: Request) -> Response:
        del request
        return SafeJSONResponse(openapi_document(checker.settings.max_bytes, checker.pack_ids))

    async def page_endpoint(request: Request) -> Response:
        if request.method == "GET":
            return _page(editor_page(checker.context, None, fetches=checker.settings.allow_fetch))
        fetches = checker.settings.allow_fetch
        form: EditorForm | None = None
        try:
            refuse_content_encoding(request)
            form = await _editor_form(
                request,
                checker.settings.max_bytes,
                lambda packs, meta: checker.refusals(
                    distinct_pack_ids(packs), page_check_meta(meta, fetches=fetches), packs_listed=PACKS_ON_THE_PAGE, unknown_pack_status=400
                ),
            )
            meta = page_check_meta(form.meta, fetches=fetches)
            advice = page_advice(fetches=fetches)
            result = await checker.check_in_time(form.data, form.kind, name=form.name, packs=form.packs, meta=meta, original=form.original, advice=advice)
        except ApiError as exc:
            # Every field the editor filled in comes back with the refusal, so that they mend one thing and send again.
            typed = exc.typed if isinstance(exc, FormRefused) else form.typed if form is not None else None
            return _page(editor_page(checker.context, None, error=exc.message, form=typed, fetches=fetches), exc.status)
        result = said_for_the_page(result)
        if not fetches and form.original is None:
            result = not_compared(result, form.meta, checker.context.packs)
        source = ArticleSource(decode_bytes(form.data).text, form.kind)
        return _page(editor_page(checker.context_now(), (result, source), form=form.typed, fetches=fetches))

    routes = [
        Route("/", page_endpoint, methods=["GET", "POST"]),
        Route("/v1/check", check_endpoint, methods=["POST"]),
        Route("/v1/packs", packs_endpoint, methods=["GET"]),
        Route("/healthz", health_endpoint, methods=["GET"]),
        Route("/openapi.json", openapi_endpoint, methods=["GET"]),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        del exc
        return ApiError(404, "not-found", f"no such endpoint: {request.method} {request.url.path}; {_ENDPOINTS}").response()

    async def not_allowed(request: Request, exc: Exception) -> Response:
        # RFC 9110: a 405 lists the methods that are allowed; the message says them too.
        headers = getattr(exc, "headers", None) or {}
        allowed = headers.get("Allow") or headers.get("allow") or ""
        hint = f"; send {allowed.replace(', ', ' or ')}" if allowed else ""
        response = ApiError(405, "method-not-allowed", f"{request.method} is not allowed on {request.url.path}{hint}").response()
        response.headers.update(headers)
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        # A bug still reaches the server's log (Starlette re-raises after answering), but the
        # client gets the documented envelope, not a plain-text "Internal Server Error".
        del request, exc
        return ApiError(500, "internal-error", "the request failed because of a bug; please report it with the request").response()

    async def client_gone(request: Request, exc: Exception) -> Response:
        # A client that closed its connection before its body had all arrived (a CMS that timed
        # out, a closed browser tab) is not the server's error: one line in the log, no traceback,
        # and an answer no one receives.
        del exc
        logging.getLogger("uvicorn.error").warning("%s", client_gone_line(request.method, request.url.path))
        return Response(status_code=400)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        del app
        yield
        checker.pool.close()  # the check processes end with the server process, not after it

    return Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_allowed, 500: server_error, ClientDisconnect: client_gone},
        lifespan=lifespan,
        middleware=[Middleware(HostCheck, settings=checker.settings)],
    )


def client_gone_line(method: str, path: str) -> str:
    """The server log's one line for a request whose client closed the connection before its body
    had all arrived; the path shown through the output sanitiser."""
    return f"{visible(method)} {visible(path)}: the client closed the connection before its request's body had all arrived; nothing was checked"


class HostCheck:
    """Answers 421 `misdirected-request` to a request whose `Host` does not name this server
    (`compliance.serve.host_refusal`: a web page driving the API through DNS rebinding), before
    any endpoint reads it."""

    def __init__(self, app: Any, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = next((value.decode("latin-1") for key, value in scope["headers"] if key == b"host"), None)
            why = host_refusal(host, self.settings)
            if why is not None:
                await ApiError(421, "misdirected-request", why).response()(scope, receive, send)
                return
        await self.app(scope, receive, send)


def page_check_meta(meta: Mapping[str, str], *, fetches: bool) -> dict[str, str]:
    """The metadata the page's form is checked with: its fields, and with `fetches` (the server's
    `--allow-fetch`) the Original URL as the original story too (`meta.original`), so that the
    copy is compared with the page at that address as the API's `meta.original` is. An editor
    who fills in the original's address expects that comparison."""
    checked = dict(meta)
    if fetches and meta.get("original_url"):
        checked["original"] = meta["original_url"]
    return checked


def page_advice(*, fetches: bool) -> Advice:
    """How the page's notices say to give what a rule lacks: its own fields (`PAGE_META_FIELDS`,
    the Published choice for `medium`), a line of Other metadata for any other key, its Original
    story file, and with `fetches` (the server's `--allow-fetch`) its Original URL too."""
    fields = (*((name, label) for name, label, _, _ in PAGE_META_FIELDS), ("medium", "Published"))
    return Advice("page", fields=fields, fetches=fetches)


# Where the page lists the packs it knows (an unknown pack's refusal says so), for an editor.
PACKS_ON_THE_PAGE = "the page lists the packs this server has under Packs: tick one of them there"


def said_for_the_page(result: FileResult) -> FileResult:
    """`result` with the line below each block to paste that says how to give a value it lacks and
    the one that says where its address came from, telling the editor the page's fields rather
    than the command line's options and metadata keys (the fix blocks name `--original FILE`,
    `--meta original-url=URL` and "the 'original_url' metadata", which the page has no use for).
    The notes are written in the page's words as they are made (`page_advice`)."""
    report = result.report
    findings = tuple(_fill_in_for_the_page(f) for f in report.findings)
    if findings == report.findings and all(a.fix == b.fix for a, b in zip(findings, report.findings, strict=True)):
        return result
    return dataclasses.replace(result, report=dataclasses.replace(report, findings=findings), packed=b"")


def _how_to_give(missing: str) -> str:
    """The ways to give a value, from what `BUILT_IN_VALUES` says is missing ("…: give HOW")."""
    return missing.partition(": give ")[2]


# The command line's ways to give a value a block to paste lacks → the page's fields.
_GIVE_ON_THE_PAGE = tuple((_how_to_give(BUILT_IN_VALUES[name]), _how_to_give(said)) for name, said in BUILT_IN_VALUES_ON_THE_PAGE.items())


_META_OPTION = re.compile(r"--meta ([\w.-]+)=([A-Z]+)")
_PAGE_FIELD_LABELS = {name: label for name, label, _, _ in PAGE_META_FIELDS}


def _field_label(key: str) -> str | None:
    """The label of the page's field for the metadata `key` (`original-url`, `Original_URL`: read
    alike, `metavalues.same_key`), None when the page has none (the key goes under "Other metadata")."""
    return _PAGE_FIELD_LABELS.get(same_key(key))


def _meta_on_the_page(match: re.Match[str]) -> str:
    """`--meta KEY=VALUE` said as the page's field for KEY, or as a line of "Other metadata"."""
    key = match.group(1)
    label = _field_label(key)
    return f"the {label} field" if label else f"{key}={match.group(2)} under Other metadata"


_META_SAID = re.compile(r"the '([\w.-]+)' metadata")


def _meta_said_on_the_page(match: re.Match[str]) -> str:
    """ "the 'KEY' metadata" (where a block's address came from) said as the page's field for KEY."""
    key = match.group(1)
    label = _field_label(key)
    return f"the {label} field" if label else f"{key} under Other metadata"


def _fill_in_for_the_page(finding: Finding) -> Finding:
    """`finding` with its block's fill-in lines, and the note of where its address came from,
    naming the page's fields (see `said_for_the_page`)."""
    if finding.fix is None or not (finding.fix.fill_in or finding.fix.address_from):
        return finding
    lines = []
    for line in finding.fix.fill_in:
        for command_line, page in _GIVE_ON_THE_PAGE:
            line = line.replace(command_line, page)
        # A pack's own value: said by the same options, one at a time.
        line = line.replace("(--original FILE)", "(the Original story file)")
        lines.append(_META_OPTION.sub(_meta_on_the_page, line))
    whence = _META_SAID.sub(_meta_said_on_the_page, finding.fix.address_from)
    return dataclasses.replace(finding, fix=dataclasses.replace(finding.fix, fill_in=tuple(lines), address_from=whence))


def not_compared(result: FileResult, meta: Mapping[str, str], packs: Sequence[Pack]) -> FileResult:
    """`result` with an `original-not-compared` notice when the form gave an Original URL that the
    server may not fetch and a pack applied has rules that compare with the original story: the
    editor is told that those rules were not checked, and how to have them checked."""
    if not meta.get("original_url") or not result.report.checked:
        return result
    applied = set(result.report.packs)
    rules = tuple(dict.fromkeys(rule.id for pack in packs if pack.id in applied for rule in pack.rules if compares_with_original(rule.check)))
    if not rules:
        return result
    notice = Notice(
        "original-not-compared",
        f"{len(rules)} rule(s) not checked ({', '.join(rules)}): the copy was not compared with the original story at the Original URL, "
        "because this server does not fetch pages; save the original story's page and upload it as the original story's file, "
        "or start the server with --allow-fetch",
        rules,
    )
    # It says more than the note that no original was given (an address was, and why it was not read).
    kept = tuple(n for n in result.report.notices if n.code != "no-original")
    report = dataclasses.replace(result.report, notices=(*kept, notice))
    return dataclasses.replace(result, report=report, packed=b"")


@dataclass(frozen=True, slots=True)
class EditorForm:
    """What the editor submitted on the page."""

    data: bytes
    kind: DocumentKind
    name: str
    packs: list[str]
    meta: dict[str, str]
    # The original story's file, when one was uploaded: the copy is compared with it.
    original: HeldOriginal | None = None
    # Every field as the editor sent it, shown again with the report.
    typed: TypedForm = dataclasses.field(default_factory=TypedForm)


# What a browser sends the page's form as (`enctype="multipart/form-data"`; a form without a file
# input is sent URL-encoded).
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

# The page's text box and its file input. Either may carry pasted text or an uploaded file (`curl
# -F article=@story.html` sends a file under the text box's name): the article is what is in it.
ARTICLE_FIELDS = ("article", "file")
# The page's file input for the original story the copy is compared with.
ORIGINAL_FIELD = "original_file"


async def _editor_form(request: Request, limit: int, refusals: Refusals) -> EditorForm:
    if _media_type(request) not in FORM_TYPES:
        raise ApiError(400, "unsupported-content-type", "the page takes its own form (multipart/form-data); send an article itself to POST /v1/check")
    # The article and the original story's file may each be as large as the limit.
    if limit and request.headers.get("content-length", "").isdigit() and int(request.headers["content-length"]) > 2 * limit + 64 * 1024:
        raise ApiError(413, "too-large", f"the article is larger than the limit of {limit} bytes")
    with anyio.move_on_after(BODY_SECONDS):
        return await _read_editor_form(request, limit, refusals)
    raise _slow_body()


@dataclass(frozen=True, slots=True)
class _FormArticle:
    """One article field of the form that is not blank: where it came from, its bytes and name."""

    field: str
    data: bytes
    name: str
    pasted: str  # the text as pasted, shown again in the text box; "" for an upload

    def described(self) -> str:
        return f"'{self.field}' ({'pasted text' if self.pasted else 'an upload'})"


async def _form_article(field: str, value: str | UploadFile, limit: int) -> _FormArticle | None:
    """The article in one form field, or None when it holds none (blank text, or a file input
    left empty: a browser sends it with no file name and no bytes). An upload is read up to one
    byte past `limit`, so that a larger one is refused without being read whole."""
    if isinstance(value, str):
        return _FormArticle(field, value.encode("utf-8"), "pasted article", value) if value.strip() else None
    data = await value.read(limit + 1 if limit else -1)
    if not value.filename and not data:
        return None
    return _FormArticle(field, data, upload_name(value.filename), "")


def upload_name(filename: str | None) -> str:
    """An uploaded file's name in the report: the name the client sent without any folder (some
    clients send a whole path, `C:\\Users\\me\\story.html`), `uploaded article` when it has none.
    It is only a label, never a path the server opens; like every name it is shown through the
    output sanitiser (`\\u202e`, `\\n`)."""
    base = re.split(r"[/\\]", filename or "")[-1].strip()
    return base or "uploaded article"


def _form_texts(form: FormData, field: str) -> list[str]:
    """The values of a text field of the form (a pack, the reporter, the original URL); an upload
    there is refused, not read as the text of its Python object."""
    values = form.getlist(field)
    if not all(isinstance(value, str) for value in values):
        raise ApiError(400, "bad-input", f"'{field}' is an uploaded file; it must be text (upload the article as 'file')")
    return [str(value) for value in values]


# What the multipart reader (python-multipart) says of a part's header line past its limit (4 KiB:
# an uploaded file's name of thousands of characters), and of one cut by a carriage return or a
# line break (a file name that holds one): the causes a user can mend, each said as what to do.
_HEADER_TOO_LONG = "Maximum header size exceeded"
_HEADER_CUT = ("Did not find LF character at end of header", "Did not find LF at end of headers")


def _unreadable_form(detail: str, cause: BaseException | None) -> str:
    """One line for a form the multipart reader refused (`detail`, Starlette's message, raised
    from `cause`, the reader's own error when there is one): what is wrong and what to do; a
    cause a user cannot mend is named as the reader says it."""
    said = str(cause) if cause is not None else ""
    if said.startswith(_HEADER_TOO_LONG):
        return "the uploaded file's name is too long to read (a part of the form has a header over 4 KiB): rename the file to a short name and upload it again"
    if said.startswith(_HEADER_CUT):
        return (
            "the uploaded file's name holds a control character (a line break or carriage return cuts the form's header):"
            " rename the file without control characters and upload it again"
        )
    return f"the form could not be read ({visible(detail)}): send the page's own form, or POST the article itself to /v1/check"


def _one_article(given: Sequence[_FormArticle]) -> _FormArticle:
    if len(given) > 1:
        # As the JSON API refuses two article fields: checking one would pass the other unchecked.
        fields = " and ".join(article.described() for article in given)
        raise ApiError(400, "bad-input", f"{'both ' if len(given) == 2 else ''}{fields} give an article: only one is checked; clear one of them")
    if not given or not given[0].data.strip():
        raise ApiError(400, "empty", "paste an article or choose a file")
    return given[0]


def typed_form(form: FormData) -> TypedForm:
    """What the editor typed or chose, read leniently before any of it is judged (a file sent
    under a text field is left out here and refused later), so that a refusal can show it again."""

    def texts(field: str) -> list[str]:
        return [value for value in form.getlist(field) if isinstance(value, str)]

    def last(field: str) -> str:
        values = texts(field)
        return values[-1] if values else ""

    named = (*(name for name, *_ in PAGE_META_FIELDS), "medium")
    uploads = tuple(
        field
        for field in (*ARTICLE_FIELDS, ORIGINAL_FIELD)
        if any(isinstance(value, UploadFile) and (value.filename or value.size) for value in form.getlist(field))
    )
    return TypedForm(
        pasted="\n".join(texts("article")),
        packs=tuple(p for p in texts("pack") if p),
        meta={key: last(key) for key in named if last(key)},
        other_meta="\n".join(texts(OTHER_META_FIELD)),
        format=last("format").strip().lower() or "auto",
        uploads=uploads,
    )


class FormRefused(ApiError):
    """A refusal of the page's form, with what the editor sent (`typed`), shown again with it."""

    def __init__(self, refusal: ApiError, typed: TypedForm) -> None:
        super().__init__(refusal.status, refusal.code, refusal.message)
        self.typed = typed


class _Utf8MultiPartParser(MultiPartParser):
    """Starlette's multipart reader, with each text field decoded as UTF-8 and a byte that starts
    no UTF-8 character read as U+FFFD, as browsers and the WHATWG multipart/form-data parser do
    (the page's form is UTF-8), where Starlette reads the whole field as Latin-1 instead; `ended`
    says whether the body reached the form's closing boundary (`--BOUNDARY--`), without which the
    part being read when it stopped is dropped and any after it never came."""

    ended = False

    def on_end(self) -> None:
        self.ended = True

    def on_part_end(self) -> None:
        part = self._current_part
        if part.file is not None:
            super().on_part_end()
            return
        self.items.append((part.field_name, bytes(part.data).decode("utf-8", "replace")))


# A multipart form whose body ends before its closing boundary (an upload interrupted, a proxy
# that cut the body at its own size limit, a form made by hand).
FORM_CUT_SHORT = (
    "the form was cut short: its body ends before the form's closing boundary, so the field being sent when it stopped"
    " (and any after it) did not arrive; send the form again"
)


async def _read_form(request: Request, max_part_size: int) -> FormData:
    """The request's form: a multipart one read by `_Utf8MultiPartParser`, a URL-encoded one as
    Starlette reads it. Raises `ApiError` (400 `bad-input`) for a multipart body that cannot be
    read, or that ends before its closing boundary (`FORM_CUT_SHORT`)."""
    if _media_type(request) != "multipart/form-data":
        return await request.form(max_part_size=max_part_size)
    parser = _Utf8MultiPartParser(request.headers, request.stream(), max_part_size=max_part_size)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise ApiError(400, "bad-input", _unreadable_form(exc.message, exc.__cause__)) from None
    if not parser.ended:
        # Read as it is, it would be judged by the fields that did arrive ("paste an article"
        # for an article cut off mid-field): the editor is told what happened instead.
        await form.close()
        raise ApiError(400, "bad-input", FORM_CUT_SHORT)
    return form


async def _read_editor_form(request: Request, limit: int, refusals: Refusals) -> EditorForm:
    from starlette.exceptions import HTTPException

    try:
        form = await _read_form(request, max(limit, 1024 * 1024) if limit else 1024 * 1024 * 1024)
    except HTTPException as exc:  # a URL-encoded body Starlette cannot read
        cause = exc.__context__.__cause__ if exc.__context__ is not None else None
        raise ApiError(400, "bad-input", _unreadable_form(str(getattr(exc, "detail", exc)), cause)) from None
    try:
        typed = typed_form(form)
        try:
            return await _judged_form(form, typed, limit, refusals)
        except ApiError as exc:
            raise FormRefused(exc, typed) from None
    finally:
        # The form's uploaded files are temporary files: closed once it is judged.
        await form.close()


async def _judged_form(form: FormData, typed: TypedForm, limit: int, refusals: Refusals) -> EditorForm:
    """The form's article, packs, metadata, original and format, once each is known to be one the
    server takes, else `ApiError` naming every field refused (`one_refusal`), as the API refuses
    each; `refusals` says what the server refuses in the packs and metadata."""
    problems: list[ApiError] = list(_repeated_fields(form))
    given = [found for field in ARTICLE_FIELDS for value in form.getlist(field) if (found := await _form_article(field, value, limit)) is not None]
    packs = [p for p in _form_texts(form, "pack") if p]
    other = "\n".join(_form_texts(form, OTHER_META_FIELD))
    named = (*(name for name, *_ in PAGE_META_FIELDS), "medium")
    # A field's value is read without the white space pasted around it, as `--meta` reads one
    # (`PASTED_ENDS`): a control character at its end (U+0085) stays, and an address refuses it.
    fields = {key: values[-1].strip(PASTED_ENDS) for key in named if (values := _form_texts(form, key)) and values[-1].strip(PASTED_ENDS)}
    extra: dict[str, str] = _kept(problems, lambda: _other_meta(other), {})
    problems += [
        ApiError(400, "bad-input", f"metadata '{visible(key)}' is given in its own field and in the other metadata: give it once")
        for key in extra
        if given_key(fields, key) is not None
    ]
    meta = {**extra, **fields}
    originals = [found for value in form.getlist(ORIGINAL_FIELD) if (found := await _form_article(ORIGINAL_FIELD, value, limit)) is not None]
    chosen: Literal["auto"] | DocumentKind = _kept(problems, lambda: _form_format(_form_texts(form, "format")), "auto")
    article = _kept(problems, lambda: _one_article(given), None)
    if article is not None and limit and len(article.data) > limit:
        raise ApiError(413, "too-large", f"the article is larger than the limit of {limit} bytes")
    original = _kept(problems, lambda: _held_original(originals, limit), None)
    problems += refusals(packs, meta)
    if problems or article is None:
        raise one_refusal(problems)
    # The format the editor chose, as `--input-kind`; else read as `syndcheck check --stdin-filename
    # NAME -` reads it: by the name's suffix, else sniffed from the content.
    kind: DocumentKind = stdin_kind(article.data, article.name) if chosen == "auto" else chosen
    return EditorForm(article.data, kind, article.name, packs, meta, original=original, typed=typed)


def _repeated_fields(form: FormData) -> list[ApiError]:
    """A refusal (400 `bad-input`) for each field of the form that takes one value and is given
    more than once (two `reporter`, two `format`…; a form made by hand or by a script), as the API
    refuses a query parameter given twice: which one was meant is unknown. `pack` is the field
    meant to be repeated; two article fields are refused by `_one_article`, which says which."""
    counts = Counter(name for name, _ in form.multi_items())
    return [
        ApiError(400, "bad-input", f"'{visible(shown_key(name))}' is given {_times(count)} in the form: only one value would be checked; give it once")
        for name, count in counts.items()
        if count > 1 and name != "pack" and name not in ARTICLE_FIELDS
    ]


def _times(count: int) -> str:
    return "twice" if count == 2 else f"{count} times"


# What the server refuses in a form's packs and metadata (`Checker.refusals`, in the page's words).
Refusals = Callable[[Sequence[str], Mapping[str, str]], list[ApiError]]
# How many refusals of one form the page names; it counts the rest.
NAMED_REFUSALS = 5
_Kept = TypeVar("_Kept")


def _kept(problems: list[ApiError], step: Callable[[], _Kept], instead: _Kept) -> _Kept:
    """What `step` gives, or `instead` with its refusal (400, 422) added to `problems`, so that the
    page names every field to mend at once; any other refusal (413) is raised."""
    try:
        return step()
    except ApiError as exc:
        if exc.status not in (400, 422):
            raise
        problems.append(exc)
        return instead


def one_refusal(problems: Sequence[ApiError]) -> ApiError:
    """One refusal naming each of `problems` (at least one), with the first one's status and code:
    its message alone, or "A. Also: B. Also: C", the first `NAMED_REFUSALS` named and the rest
    counted ("and 2 more")."""
    first = problems[0]
    if len(problems) == 1:
        return first
    named = ". Also: ".join(problem.message for problem in problems[:NAMED_REFUSALS])
    rest = len(problems) - NAMED_REFUSALS
    return ApiError(first.status, first.code, named + (f"; and {rest} more" if rest > 0 else ""))


def _other_meta(text: str) -> dict[str, str]:
    """The page's "other metadata" box: one `KEY=VALUE` a line, as `--meta` takes them (blank
    lines are none); a line that is not one, or a key given twice, is refused (400) with its line,
    as the API refuses a key given twice."""
    meta: dict[str, str] = {}
    if len(re.findall(r"\r\n?|\n", text)) >= MAX_ARTICLE_VALUES:
        # Each line is a key to read and check: bounded as a payload's values are, before any is read.
        raise ApiError(400, "bad-input", f"the other metadata has more than {MAX_ARTICLE_VALUES:,} lines: give the article's own metadata only")
    # Lines end as a textarea's do (CRLF, CR or LF); a line or paragraph separator, a form feed… is
    # part of a value, not the end of a line (`str.splitlines` would end a line at each).
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key:
            shown = visible(shorten(line.strip(), 60))
            raise ApiError(
                400, "bad-input", f"line {number} of the other metadata, '{shown}', is not KEY=VALUE: write one KEY=VALUE a line (logo_url=https://…)"
            )
        before = given_key(meta, key)
        if before == key:
            raise ApiError(400, "bad-input", f"metadata '{visible(key)}' is given twice in the other metadata (again at line {number}): give it once")
        if before is not None:
            raise ApiError(
                400,
                "bad-input",
                f"metadata '{visible(before)}' and '{visible(key)}' in the other metadata (at line {number}) are one key in two spellings"
                " (keys are read without letter case, '-' as '_'): give it once",
            )
        meta[key] = value.strip(PASTED_ENDS)
    return meta


# What an editor does about an Original story file that holds no story.
_CHOOSE_ORIGINAL_ON_THE_PAGE = "choose the original story's saved page (HTML, text or Markdown) there, or clear it"


def _held_original(given: Sequence[_FormArticle], limit: int) -> HeldOriginal | None:
    """The original story's file uploaded on the page (the last one given), read as an uploaded
    article is; None when none was (the file input left empty). A file that holds no story (empty,
    an image, binary data) is refused (400 `bad-input`), naming the page's field: compared with,
    it would share no text with the copy and name no reporter, and the notes would blame the copy."""
    if not given:
        return None
    original = given[-1]
    if limit and len(original.data) > limit:
        raise ApiError(413, "too-large", f"the original story's file is larger than the limit of {limit} bytes")
    why = not_an_article(original.data)
    if why is not None:
        raise ApiError(
            400,
            "bad-input",
            f"the Original story file ('{visible(original.name)}') is {why}: {_CHOOSE_ORIGINAL_ON_THE_PAGE}",
        )
    return HeldOriginal(original.data, stdin_kind(original.data, original.name), original.name)


def _form_format(values: Sequence[str]) -> Literal["auto"] | DocumentKind:
    """The page's "format" choice (the last one sent; none: `auto`), refused when it names none."""
    chosen = values[-1].strip().lower() if values and values[-1].strip() else "auto"
    if chosen not in ("auto", "html", "markdown", "text"):
        raise ApiError(400, "bad-input", f"'format' must be auto, html, markdown or text, not '{visible(chosen)}'")
    return cast("Literal['auto'] | DocumentKind", chosen)


def create_app_from_environment() -> Starlette:
    """The app for a uvicorn worker process, with the settings `syndcheck serve` left in the environment."""
    return create_app(ServeSettings.from_environment())


__all__ = ["ApiError", "Checker", "EditorForm", "build_checker", "create_app", "create_app_from_environment", "result_document"]
