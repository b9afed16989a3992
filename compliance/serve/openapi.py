"""The OpenAPI document of the HTTP API (served at `/openapi.json`), written out so that it is the
contract: the test suite drives the API against it with schemathesis."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from compliance import __version__
from compliance.cms import HTML_FIELDS, ID_FIELDS, META_FIELDS, PEOPLE_FIELDS
from compliance.fixtemplates import URL_KEY_SUFFIXES
from compliance.urls import HTTP_URL_PATTERN

_NULLABLE_STRING = {"type": "string", "nullable": True}

_FINDING = {
    "type": "object",
    "required": ["rule", "severity", "message", "help", "line", "column", "evidence", "detail"],
    "properties": {
        "rule": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "message": {"type": "string"},
        "help": {"type": "string"},
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
        "evidence": _NULLABLE_STRING,
        "detail": _NULLABLE_STRING,
    },
}

# What detection found of each pack (`detections` in the JSON v1 document).
_DETECTIONS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["pack", "confidence", "markers", "applied"],
        "properties": {
            "pack": {"type": "string"},
            "confidence": {"type": "number"},
            "markers": {"type": "array", "items": {"type": "string"}},
            "applied": {"type": "boolean"},
        },
    },
}

_FILE = {
    "type": "object",
    "required": ["path", "checked", "fully_checked", "packs", "findings", "passed", "notices", "detections", "detection"],
    "properties": {
        "path": {"type": "string"},
        "checked": {"type": "boolean"},
        "fully_checked": {
            "type": "boolean",
            "description": (
                "False when not checked, and when checked but a pattern ran past its time limit (a rule or a pack's detection marker not evaluated; status 2)."
            ),
        },
        "packs": {"type": "array", "items": {"type": "string"}},
        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
        "passed": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rule", "evidence", "line"],
                "properties": {"rule": {"type": "string"}, "evidence": {"type": "string"}, "line": {"type": "integer"}},
            },
        },
        "notices": {
            "type": "array",
            "items": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
        },
        "detections": _DETECTIONS,
        # The name of `detections` before 2026, kept in version 1.
        "detection": _DETECTIONS,
    },
}

# Metadata keys that hold addresses in the built-in packs' rules and fixes.
_URL_META_KEYS = ("original_url", "original-url", "logo-url", "logo_url", "canonical_url", "source_url")

_SUMMARY_KEYS = ("files", "checked", "with_findings", "without_pack", "skipped", "internal_errors", "errors", "warnings", "info", "passed", "not_fully_checked")


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


# Every endpoint's answer to a request whose Host does not name the server (DNS rebinding).
_MISDIRECTED = _error("the request's Host does not name this server (`misdirected-request`; `--allow-host` names more)")


# The answers every path gives besides its operations' own: a path or a method the server does not
# serve (OpenAPI describes answers per operation, so these are components the paths name).
# A rule OpenAPI 3.0 cannot state exactly (Python's letters and digits are no ECMA 262 class): said in words.
_NAMES_SOMEONE = "A name with no letter or digit (control, format or undecodable characters only) names no one and is refused (400)."
_OTHER_METHODS = "Any other method is answered 405 (`method-not-allowed`: the `Allow` header and the message name those taken)."
_NOT_SERVED = {
    "NotFound": _error("no such endpoint (`not-found`): the message lists those there are"),
    "MethodNotAllowed": _error("a method the endpoint does not take (`method-not-allowed`); the `Allow` header names those it does"),
}


# What the server reads as blank space (`str.strip`, the `\\s` of Python's `re`), spelt out: the `\\s`
# of a JSON Schema (ECMA-262) pattern leaves out U+001C–U+001F and U+0085, and takes U+FEFF.
_BLANK = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
# What is stripped from both ends of a value that names an address (`metavalues.PASTED_ENDS`): a
# space, tab or line break pasted with it.
_PASTED_ENDS = "\\t\\n\\r "
# The other C0 controls, which `urls.is_http_url` strips before the scheme as a browser does.
_CONTROLS = "\\x00-\\x08\\x0e-\\x1b"
# DEL and the C1 controls (U+0085 too): with `_CONTROLS`, what an address never holds inside
# (`fixtemplates.address_problem`).
_OTHER_CONTROLS = "\\x7f-\\x9f"


def _address_pattern() -> str:
    """An http(s) URL, the scheme in any letter case (`urls.is_http_url`, which passes over C0
    controls before it), a space, tab or line break pasted at either end stripped, with no
    space (Python's blank space, as the server reads it), quote or angle bracket or control
    character inside (`fixtemplates.address_problem`); or those pasted ends alone (not given)."""
    scheme = HTTP_URL_PATTERN.removeprefix("^")
    return f"^[{_PASTED_ENDS}]*([{_CONTROLS}]*{scheme}[^{_BLANK}\"'<>`{_CONTROLS}{_OTHER_CONTROLS}]*[{_PASTED_ENDS}]*)?$"


def _page_answer(description: str) -> dict[str, Any]:
    """An answer of the editor's page: the page itself, as HTML (a refusal shows its message in it)."""
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


def _page_path(pack_ids: Sequence[str]) -> dict[str, Any]:
    """`/`: the editor's page (docs/serve.md, "The editor's page"), and its form posted back."""
    text = {"type": "string"}
    form = {
        "type": "object",
        "required": ["article"],
        "properties": {
            "article": {"type": "string", "pattern": r"\S", "description": "The article, pasted; or upload it as `file` instead (one of the two)."},
            # A box left blank names no pack.
            "pack": {"type": "array", "items": {"type": "string", "enum": [*pack_ids, ""]}, "description": "Packs to apply; none: detected."},
            # As the server reads it: in any case, blank space around it stripped; blank is `auto`.
            "format": {
                "type": "string",
                # Python's blank space (`_BLANK`), not ECMA-262's `\s`, which also holds U+FEFF.
                "pattern": f"^[{_BLANK}]*([Aa][Uu][Tt][Oo]|[Hh][Tt][Mm][Ll]|[Mm][Aa][Rr][Kk][Dd][Oo][Ww][Nn]|[Tt][Ee][Xx][Tt])?[{_BLANK}]*$",
                "description": "auto (the default), html, markdown or text.",
            },
            "reporter": {**text, "description": _NAMES_SOMEONE},
            "original_url": {"type": "string", "pattern": _address_pattern()},
            "original_headline": text,
        },
        "additionalProperties": text,
        "description": "The page's form; `original_file` uploads the original story's page, which the copy is compared with.",
    }
    refused = (
        "the form refused, its message shown on the page with every field as sent (`bad-input`, `unsupported-content-type`, `empty`,"
        " `unknown-pack`: a pack the server does not have, as a field of the form)"
    )
    return {
        "description": _OTHER_METHODS,
        "get": {
            "operationId": "editorPage",
            "summary": "The editor's page",
            "responses": {"200": _page_answer("The page, with its form"), "421": _MISDIRECTED},
        },
        "post": {
            "operationId": "editorPageCheck",
            "summary": "Check the article of the page's form",
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": form}, "application/x-www-form-urlencoded": {"schema": form}}},
            "responses": {
                "200": _page_answer("The page with the report"),
                "400": _page_answer(refused),
                "408": _page_answer("the form did not all arrive within 30 s (`slow-body`)"),
                "413": _page_answer("the article or the original story's file is larger than the limit (`too-large`)"),
                "415": _page_answer("a compressed body (`unsupported-content-encoding`)"),
                "421": _MISDIRECTED,
                "500": _page_answer("a bug, or the check process was killed (`internal-error`)"),
                "504": _page_answer("the check took longer than the time limit (`time-limit`)"),
            },
        },
    }


def _one_article_field() -> list[dict[str, Any]]:
    """The payload's article in one field: no two article fields may both hold text that is not
    blank (the server refuses such a payload with 400, as the command line does: which field a CMS
    publishes is its own choice). A null or blank field holds no article."""
    has_text = {"type": "string", "pattern": "\\S"}
    return [{"not": {"required": [a, b], "properties": {a: has_text, b: has_text}}} for a, b in itertools.combinations(HTML_FIELDS, 2)]


def _with_wordpress_posts(payload_properties: dict[str, Any], scalar: Mapping[str, Any]) -> dict[str, Any]:
    """The payload's schema: its fields (`payload_properties`), and either a payload whose article
    is a string with text in one field (an empty or blank one holds no article: 400), or a
    WordPress REST API post, as `cms.wordpress_post` reads it: `content` an object of its rendered
    HTML (a password-protected one whose HTML was withheld, or an empty one, is refused with 400),
    `title` a string or an object of its rendered HTML, `meta` the post's custom fields (`[]` when
    it has none; a value that is not one value is left out), WordPress's other fields not read;
    the payload's other fields as in any payload, the article in one field."""
    has_text = {"type": "string", "pattern": "\\S"}
    rendered = {"type": "object", "required": ["rendered"], "properties": {"rendered": {"type": "string"}, "protected": {"type": "boolean"}}}
    # The API withheld the content of a password-protected post: nothing to check.
    withheld = {"required": ["protected"], "properties": {"protected": {"enum": [True]}, "rendered": {"type": "string", "pattern": "^\\s*$"}}}
    plain = {
        "properties": {key: payload_properties[key] for key in ("content", "title", "meta")},
        # An article field that is empty or blank holds no article to check (400, `cms._empty_article`).
        "anyOf": [{"required": [key], "properties": {key: has_text}} for key in HTML_FIELDS],
        "allOf": _one_article_field(),
    }
    content_has_text = {"properties": {"rendered": has_text}}
    wordpress = {
        "required": ["content"],
        "properties": {"content": {**rendered, "not": withheld}},
        # A post whose `content.rendered` is empty or blank holds no article, unless another field gives it.
        "anyOf": [
            {"properties": {"content": content_has_text}},
            *({"required": [key], "properties": {key: has_text}} for key in HTML_FIELDS if key != "content"),
        ],
        "allOf": [
            *({"not": {"required": ["content", key], "properties": {"content": content_has_text, key: has_text}}} for key in HTML_FIELDS if key != "content"),
            *(item for item in _one_article_field() if "content" not in item["not"]["required"]),
        ],
    }
    either = {
        **payload_properties,
        "content": {
            "anyOf": [{"type": "string"}, rendered],
            "nullable": True,
            "description": "The article's HTML, or a WordPress REST API post's `content` object (its `rendered` HTML is read).",
        },
        "title": {
            # A title has no `protected` of its own (WordPress sends it with `content` only), and the server reads none.
            "anyOf": [scalar, {"type": "object", "required": ["rendered"], "properties": {"rendered": {"type": "string"}}}],
            "nullable": True,
            "description": "The copy's headline, or a WordPress post's `title` object (the text of its `rendered` HTML).",
        },
        "meta": {
            "anyOf": [payload_properties["meta"], {"type": "object"}, {"type": "array", "maxItems": 0}],
            "nullable": True,
            "description": payload_properties["meta"]["description"],
        },
    }
    return {
        "type": "object",
        "properties": either,
        "anyOf": [plain, wordpress],
        "description": (
            "A payload, or a WordPress REST API post as `GET /wp-json/wp/v2/posts/<id>` returns it (`?_embed` adds its author's name,"
            " read as the byline; `meta` values that are not one value are left out). " + _one_value_per_key()
        ),
    }


def _one_value_per_key() -> str:
    """The rule, in words, that fields giving one metadata key agree (`cms.gives_one_value_differently`):
    OpenAPI 3.0 cannot say that two values must be equal."""
    keys: dict[str, list[str]] = {}
    for source, target in META_FIELDS.items():
        keys.setdefault(target, []).append(f"`{source}`")
    shared = "; ".join(f"{', '.join(sources)} and `meta.{target}`" for target, sources in keys.items())
    return (
        "Fields that give one metadata key must give it the same value, or only one of them a value;"
        f" different values are refused with 400 (`bad-input`). They are: {shared}."
    )


def openapi_document(max_bytes: int, pack_ids: Sequence[str]) -> dict[str, Any]:
    """The OpenAPI 3.0 document; `max_bytes` is the body limit the server enforces and `pack_ids`
    the packs it has loaded (any other id is refused with 422)."""
    pack_id = {"type": "string", "enum": list(pack_ids)}
    limit = f"at most {max_bytes} bytes" if max_bytes else "no size limit"
    # Metadata as `--input-kind cms-json` reads it: a string, or a number read as its text; null for none.
    scalar = {"anyOf": [{"type": "string"}, {"type": "number"}], "nullable": True}
    # An article field that is null holds no article (another field may), as on the command line.
    payload_properties: dict[str, Any] = {key: {"type": "string", "nullable": True} for key in HTML_FIELDS}
    payload_properties.update({key: scalar for key in META_FIELDS})
    # A field naming people may also be an array of them: names, or objects naming one each by a
    # string `display_name` or `name` that is not blank (`cms._person`; any other element, "" or
    # an object whose names are blank among them, is refused with 400).
    name = {"type": "string", "pattern": r"\S"}
    named_by = [{"required": [key], "properties": {key: name}} for key in ("display_name", "name")]
    person = {"anyOf": [name, {"type": "object", "anyOf": named_by}]}
    people = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "array", "items": person}], "nullable": True}
    payload_properties.update({key: people for key in META_FIELDS if key in PEOPLE_FIELDS})
    # Any value: one that is no string or number names nothing and gets an `unknown-field` notice.
    payload_properties.update({key: {"description": "Names the article in the report (a string or a number)."} for key in ID_FIELDS})
    # An address rules read or a fix puts into the article must be an http(s) URL (refused with
    # 400 otherwise, as `--meta` is on the command line): the payload's URL fields, and any
    # metadata key ending in -url or _url (OpenAPI 3.0 cannot say "any key ending in", so the
    # keys rules use are listed and the rest said in words).
    # The scheme in any letter case (`urls.is_http_url`); blank space around it is stripped.
    # No space, quote or angle bracket inside (`fixtemplates.address_problem`).
    address = _address_pattern()
    web_url = {"type": "string", "pattern": address, "nullable": True, "description": "An http(s) URL (blank or null: not given)."}
    payload_properties.update({key: web_url for key, target in META_FIELDS.items() if target.endswith(URL_KEY_SUFFIXES)})
    # The server reads no files: the original story is named by its http(s) URL only.
    payload_properties["original"] = {"type": "string", "pattern": address, "nullable": True, "description": "The original story's http(s) URL."}
    payload_properties["packs"] = {
        "type": "array",
        "items": pack_id,
        "minItems": 1,
        "nullable": True,
        "description": "Packs to apply, with the query's `pack`; without it (or null), packs are detected; an empty array names none and is refused.",
    }
    payload_properties["meta"] = {
        "type": "object",
        "nullable": True,
        "properties": {key: web_url for key in _URL_META_KEYS},
        "additionalProperties": scalar,
        "description": (
            "Article metadata rules can require. A key ending in -url or _url holds an http(s) URL (400 otherwise);"
            " a key that is empty or blank is refused (400), as `--meta =x` is. " + _NAMES_SOMEONE
        ),
    }
    raw = {"schema": {"type": "string", "format": "binary", "description": "The article, as bytes (any encoding the checker can decode)."}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "syndcheck",
            "version": __version__,
            "description": (
                "Check a republished article against the publisher's republication terms. Errors are JSON with a stable `code`."
                " A path that is not here is answered 404 (`not-found`, `#/components/responses/NotFound`), a method a path does not"
                " take 405 (`method-not-allowed`, `#/components/responses/MethodNotAllowed`)."
            ),
        },
        "paths": {
            "/": _page_path(pack_ids),
            "/v1/check": {
                "description": _OTHER_METHODS,
                "post": {
                    "operationId": "checkArticle",
                    "summary": "Check one article",
                    "description": (
                        "A CMS JSON payload (the fields of `--input-kind cms-json`, plus `packs` and `meta`) or a raw article"
                        " (text/html, text/plain, text/markdown). Query: `pack` (repeatable), `name` and `meta.KEY=VALUE`;"
                        " another parameter gets an `unknown-field` notice, one that names packs another way (`packs`, `pack_id`) and"
                        " `meta.` with an empty or blank key are 400. The answer is the"
                        f" JSON v1 document of `syndcheck check --format json` for the article, plus `status`, its exit code. Body: {limit}."
                    ),
                    "parameters": [
                        {
                            "name": "pack",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "array", "items": pack_id},
                            "style": "form",
                            "explode": True,
                            "description": "Packs to apply (repeat the parameter); without it, packs are detected.",
                        },
                        {
                            "name": "name",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                            "description": "The article's name in the report (a JSON payload's too, instead of `payload#1 (id)`).",
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": _with_wordpress_posts(payload_properties, scalar)},
                            "text/html": raw,
                            "text/plain": raw,
                            "text/markdown": raw,
                        },
                    },
                    "responses": {
                        "200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckResult"}}}},
                        "400": _error(
                            "bad input (`bad-input`, `bad-json`, `unsupported-content-type`: also a charset that plainly does not fit a UTF-8 body;"
                            " `bad-request`: a request that is not well-formed HTTP/1.1, on every endpoint)"
                        ),
                        "408": _error("the body did not all arrive within 30 s (`slow-body`), or the request line and headers (`slow-headers`)"),
                        "413": _error("body too large (`too-large`)"),
                        "415": _error("a compressed body (`Content-Encoding: gzip`, …): send it uncompressed (`unsupported-content-encoding`)"),
                        "421": _MISDIRECTED,
                        "422": _error("unknown pack (`unknown-pack`)"),
                        "504": _error("the check took longer than the time limit (`time-limit`)"),
                        "500": _error(
                            "a bug, or the check process was killed by a signal or the out-of-memory killer (`internal-error`); the next request gets a new one"
                        ),
                    },
                },
            },
            "/v1/packs": {
                "description": _OTHER_METHODS,
                "get": {
                    "operationId": "listPacks",
                    "summary": "The loaded rule packs",
                    "responses": {
                        "200": {"description": "The packs", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PackList"}}}},
                        "421": _MISDIRECTED,
                    },
                },
            },
            "/healthz": {
                "description": _OTHER_METHODS,
                "get": {
                    "operationId": "health",
                    "summary": "Liveness",
                    "responses": {
                        "200": {"description": "The server is up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                        "421": _MISDIRECTED,
                    },
                },
            },
        },
        "components": {
            "responses": _NOT_SERVED,
            "schemas": {
                "Finding": _FINDING,
                "File": _FILE,
                "CheckResult": {
                    "type": "object",
                    "required": ["version", "files", "summary", "status"],
                    "properties": {
                        "version": {"type": "integer", "enum": [1]},
                        "files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}, "minItems": 1, "maxItems": 1},
                        "summary": {"type": "object", "required": list(_SUMMARY_KEYS), "properties": {k: {"type": "integer"} for k in _SUMMARY_KEYS}},
                        "status": {"type": "integer", "enum": [0, 1, 2, 3], "description": "The exit code `syndcheck check` would give."},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}
                    },
                },
                "PackList": {
                    "type": "object",
                    "required": ["packs"],
                    "properties": {
                        "packs": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "name", "publisher", "terms_url", "as_of", "rules"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "name": {"type": "string"},
                                    "publisher": {"type": "string"},
                                    "terms_url": {"type": "string"},
                                    "as_of": {"type": "string"},
                                    "rules": {"type": "integer"},
                                },
                            },
                        }
                    },
                },
                "Health": {
                    "type": "object",
                    "required": ["status", "version", "packs"],
                    "properties": {"status": {"type": "string", "enum": ["ok"]}, "version": {"type": "string"}, "packs": {"type": "integer"}},
                },
            },
        },
    }
