"""CMS JSON payloads: what a CMS is about to publish, posted as one JSON object, an array of them,
or a JSON-lines stream, each with the article HTML and fields such as headline, byline, original
URL and source publisher. Each object is checked as its own article, with those fields as its
metadata (rules can require them, e.g. `{{meta.original_url}}`).
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, cast

from compliance.datatext import as_written
from compliance.decoding import MARK_HEAD, contradicted_mark
from compliance.display import visible
from compliance.errors import InputError, closest
from compliance.findings import Notice
from compliance.inputs import RAISE_MAX_BYTES
from compliance.metavalues import NO_KEY, is_blank_key, same_key

HTML_FIELDS = ("html", "content", "body", "body_html", "article_html")
ID_FIELDS = ("id", "path", "url", "slug")
# Payload field → metadata key rules use.
META_FIELDS = {
    "headline": "headline",
    "title": "headline",
    "byline": "byline",
    "reporter": "reporter",
    "author": "reporter",
    # Arrays of people at the top level, read as under `meta` (`_names`): a story's reporters.
    "reporters": "reporter",
    "authors": "reporter",
    "bylines": "byline",
    "original_url": "original_url",
    "canonical_url": "original_url",
    "source_url": "original_url",
    "source_publisher": "source_publisher",
    "publisher": "source_publisher",
    "publication_date": "publication_date",
    "published": "publication_date",
    "original_headline": "original_headline",
    # The original story, as meta.original: its http(s) URL only (`urls.is_http_url`).
    "original": "original",
}
# What an empty payload is told: nothing in it, and what to send.
EMPTY_PAYLOAD_REMEDY = "send one JSON object (an article), an array of them, or JSON lines"
EMPTY_PAYLOAD = f"empty payload: {EMPTY_PAYLOAD_REMEDY}"
# What a payload that is read and holds no article (`[]`) is told: it is skipped, as an empty file is.
NO_ARTICLE_IN_PAYLOAD = "not checked: the payload holds no article (an empty array)"
# Fields read besides those: the article's own metadata object and the packs to apply (serve).
OTHER_FIELDS = ("meta", "packs")
# What `"packs": []` is told: it names no pack, and is not taken as "detect them".
EMPTY_PACKS = 'field \'packs\' is an empty array, which names no pack: name the packs ("packs": ["dcnf"]), or leave the field out to have them detected'
# The most JSON values (fields and array elements, at any depth) one article's object may hold. A
# CMS's article needs a few dozen, a full CMS record a few hundred; the work of reading a payload
# (and the answer's notices) grows with this count, so an object past it is refused before any of
# that work, whatever its size in bytes.
MAX_ARTICLE_VALUES = 10_000
TOO_MANY_VALUES = (
    f"the payload holds more than {MAX_ARTICLE_VALUES:,} fields and array elements, more than any article needs;"
    " send the article's HTML and its own fields only"
)
# The unknown fields (or query parameters) named one by one in notices; the rest are counted in one
# more notice, so that the answer stays small however many a client sends.
NAMED_UNKNOWN = 5
# The characters of a field's name shown in a notice or refusal (a name may be megabytes long).
SHOWN_KEY_CHARS = 60


def names_packs(key: str) -> bool:
    """Whether a field or parameter that is not read names packs another way (`pack`, `Packs`,
    `pack_ids`, `rule-packs`): a pack choice that is not read would check the article with the
    packs detection picks, a green answer to a question not asked, so it is refused, not noted.
    A CMS's own words that only start alike (`package`, a story package) are not."""
    return re.sub(r"[-_ ]", "", key.casefold()) in _PACK_SPELLINGS


_PACK_SPELLINGS = frozenset({"pack", "packs", "packid", "packids", "rulepack", "rulepacks", "packname", "packnames"})


@dataclass(frozen=True, slots=True)
class CmsArticle:
    """One article from a payload: a display name, its HTML, and its metadata."""

    name: str
    html: str
    meta: Mapping[str, str] = field(default_factory=dict)
    # Top-level fields that are not read (a misspelt `orignal`), for a notice.
    unknown: tuple[str, ...] = ()
    # Why an id field (`id`, `slug`…) does not name the article (an object, an array), for a notice.
    unnamed: tuple[str, ...] = ()
    # The packs the payload asks for (`"packs": ["dcnf"]`), as `--pack` names them; none: detected.
    packs: tuple[str, ...] = ()
    # How a WordPress REST API post was read (`wordpress_post`), for a `wordpress-post` notice;
    # "" for any other payload.
    wordpress: str = ""

    def payload_notices(self) -> tuple[Notice, ...]:
        """A `wordpress-post` notice saying how a WordPress REST API post was read, then an
        `unknown-field` notice for each of the first `NAMED_UNKNOWN` fields that are not read,
        with "did you mean", one counting the rest, and one per id field that names nothing."""
        known = [*HTML_FIELDS, *ID_FIELDS, *META_FIELDS, *OTHER_FIELDS]

        def said(key: str) -> str:
            hint = closest(key, known) or "put the article's own values under 'meta'"
            return f"payload field '{shown_key(key)}' is not read — {hint}"

        read_as = (Notice("wordpress-post", self.wordpress),) if self.wordpress else ()
        notices = unread_notices(self.unknown, said, "payload fields")
        return (*read_as, *notices, *(Notice("unknown-field", why) for why in self.unnamed))


def unread_notices(keys: Sequence[str], said: Callable[[str], str], what: str) -> tuple[Notice, ...]:
    """`unknown-field` notices for `keys` that are not read: `said(key)` for each of the first
    `NAMED_UNKNOWN`, then one that counts the rest ("49,995 more payload fields are not read"), so
    that the work and the answer stay small however many keys a client sends (`what` names them)."""
    notices = [Notice("unknown-field", said(key)) for key in keys[:NAMED_UNKNOWN]]
    rest = len(keys) - NAMED_UNKNOWN
    if rest > 0:
        notices.append(Notice("unknown-field", f"{rest:,} more {what} are not read (the first {NAMED_UNKNOWN} are named above)"))
    return tuple(notices)


def shown_key(key: str) -> str:
    """A field's name (or a value) as a message shows it: its first `SHOWN_KEY_CHARS` characters
    and "…" when it is longer (the output sanitiser escapes it where it is written)."""
    return key if len(key) <= SHOWN_KEY_CHARS else key[: SHOWN_KEY_CHARS - 1] + "…"


# A JSON string (an unterminated one runs to the end), or a comma or opening bracket outside one.
_VALUE_MARKS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)|[,\[{]', re.DOTALL)


def holds_too_many_values(text: str) -> bool:
    """Whether a JSON text holds more than `MAX_ARTICLE_VALUES` fields and array elements (counted
    by the commas and opening brackets outside its strings), judged before it is parsed: the
    regular expression skips each string whole, and the count stops past the limit, so the work
    is bounded by the text's length, whatever it holds."""
    count = strings = 0
    for match in _VALUE_MARKS.finditer(text):
        if match.group()[0] != '"':
            count += 1
        else:
            # A field's name and value: more than two strings a value is not JSON within the limit.
            strings += 1
        if count > MAX_ARTICLE_VALUES or strings > 2 * MAX_ARTICLE_VALUES + 2:
            return True
    return False


def _holds_too_many(obj: Any) -> bool:
    """Whether a parsed object holds more than `MAX_ARTICLE_VALUES` fields and array elements at
    any depth; the walk stops past the limit."""
    count = 0
    pending = [obj]
    while pending:
        value = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            count += 1
            if count > MAX_ARTICLE_VALUES:
                return True
            if isinstance(child, dict | list):
                pending.append(child)
    return False


@dataclass(frozen=True, slots=True)
class CmsProblem:
    """An object of the payload that is not an article, and why."""

    name: str
    reason: str


class _Object(dict[str, Any]):
    """A JSON object as read, remembering the keys it gave more than once (`json` keeps the last
    value silently: a CMS that publishes the first would publish what was never checked)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        counted = Counter(key for key, _ in pairs)
        self.repeated = tuple(key for key, times in counted.items() if times > 1)


def loads_payload(text: str | bytes) -> Any:
    """`json.loads`, its objects remembering the keys they gave twice (see `parse_payload`); what
    is not JSON (`NaN`, `1e999`, nesting too deep) is a `json.JSONDecodeError` at its place."""
    from compliance.datatext import loads_json

    # A number a CMS sends as metadata (a headline `1e3`) is compared with the page as written.
    return loads_json(text, object_pairs_hook=_Object, numbers_as_written=True)


def json_type(value: Any) -> str:
    """What a JSON value is, in JSON's terms: `null`, `true`, `a string`, `a number`, `an array`, `an object`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    return "an array" if isinstance(value, list) else "an object"


_READ_FIELDS = (*HTML_FIELDS, *ID_FIELDS, *META_FIELDS, *OTHER_FIELDS)
_READ_FIELD_SET = frozenset(_READ_FIELDS)


# WordPress's REST API (`GET /wp-json/wp/v2/posts/<id>`, and pages and custom post types alike)
# sends a post's article and headline as objects of the HTML it renders (`"content": {"rendered":
# "<p>…</p>", "protected": false}`, `"title": {"rendered": "Teachers&#8217; pay"}`), its author as
# a user id (`"author": 5`; the user's name only under `_embedded` with `?_embed`), its custom
# fields under `meta` (an empty one as `[]`, PHP's empty array) and two dozen fields of its own
# (`date`, `link`, `categories`, `_links`…) that say nothing the terms ask about. Such a post is
# read as the payload it stands for (`wordpress_post`), not refused for an article field that is
# an object.
WORDPRESS_RENDERED = ("content", "title")


def wordpress_post(obj: Mapping[str, Any]) -> tuple[dict[str, Any], str] | str | None:
    """The payload a WordPress REST API post stands for, with the words of its `wordpress-post`
    notice (how it was read); a refusal (str) for a password-protected post whose content the API
    withheld, or for a post whose own objects hold values of another type
    (`content.rendered` a number, `content.protected` a string: `_wordpress_misfit`); None when
    `obj` is no such post (its `content` is not an object with a `rendered`).

    Read: `content.rendered` as the article's HTML; `title.rendered` as its headline, HTML as a
    payload's `headline` is (the text it shows is read from it once, where the headline is read);
    the names of `_embedded.author` as the byline the site prints, unless the post gives a `byline`
    or `bylines` of its own (a newsroom plugin's field); a numeric `author` (a user id) is left out; `meta`'s values that are one value
    (`[]` is no metadata); the fields a payload reads (`id`, `slug`, `original_url`, `packs`…) as
    they are. WordPress's other fields are left out without an `unknown-field` notice each."""
    content = obj.get("content")
    if not (isinstance(content, dict) and "rendered" in content):
        return None
    # WordPress's shape with a value of another type in it: named by its place in the post.
    wrong = _wordpress_misfit(obj)
    if wrong is not None:
        return wrong
    if content.get("protected") is True and not content["rendered"].strip():
        return (
            "the WordPress post is password-protected and its content was not sent (content.rendered is empty):"
            " ask the REST API with the post's password (?password=…), or send the article's HTML in 'content'"
        )
    kept = [(key, value) for key, value in obj.items() if key in _READ_FIELD_SET and key not in ("meta", *WORDPRESS_RENDERED)]
    plain = _Object([*kept, ("content", content["rendered"])])
    plain.repeated = getattr(obj, "repeated", ())
    said = ["content.rendered as the article's HTML"]
    title = obj.get("title")
    if isinstance(title, dict) and isinstance(title.get("rendered"), str):
        # HTML, as a payload's `headline` is: read once, as the text it shows, where the headline is read.
        plain["title"] = title["rendered"]
        said.append("title.rendered as its headline")
    elif title is not None:
        plain["title"] = title
    if _is_value(plain.get("author")) and not isinstance(plain["author"], str):
        del plain["author"]
    authors = _embedded_authors(obj)
    if authors and plain.get("byline") is None and plain.get("bylines") is None:
        plain["bylines"] = authors
        said.append("the embedded author's name as its byline" if len(authors) == 1 else "the embedded authors' names as its byline")
    meta = obj.get("meta")
    if isinstance(meta, dict):
        plain["meta"] = _Object([(key, value) for key, value in meta.items() if value is None or _is_value(value)])
        plain["meta"].repeated = getattr(meta, "repeated", ())
    elif meta is not None and meta != []:
        plain["meta"] = meta
    return plain, f"read as a WordPress REST API post: {', '.join(said)}; WordPress's other fields (date, link, categories, …) are not read"


def _wordpress_misfit(obj: Mapping[str, Any]) -> str | None:
    """Why a WordPress post's own objects cannot be read (`content.rendered` or `title.rendered`
    that is not a string, a `content.protected` that is not true or false), naming the field by
    its place in the post; None when they can."""
    for field_name in WORDPRESS_RENDERED:
        part = obj.get(field_name)
        if isinstance(part, dict) and "rendered" in part and not isinstance(part["rendered"], str):
            return f"field '{field_name}.rendered' is {json_type(part['rendered'])}, not a string of the post's HTML"
    content = obj["content"]
    if "protected" in content and not isinstance(content["protected"], bool):
        return f"field 'content.protected' is {json_type(content['protected'])}, not true or false"
    return None


def _embedded_authors(obj: Mapping[str, Any]) -> list[str]:
    """The names of a WordPress post's embedded authors (`?_embed`: `_embedded.author`, each a
    user with a `name`); an entry WordPress could not embed (an error object) names no one."""
    embedded = obj.get("_embedded")
    users = embedded.get("author") if isinstance(embedded, dict) else None
    if not isinstance(users, list):
        return []
    return [name for user in users if isinstance(user, dict) and isinstance(name := user.get("name"), str) and name.strip()]


def _article(obj: Any, name: str, text: str | bytes | None = None, first_line: int = 1, item: int | None = None) -> CmsArticle | CmsProblem:
    """The article an object of the payload holds; `text`, the JSON it was read from (starting at
    line `first_line` of the payload; the object is its `item`th value when it is an array),
    locates a field given twice. An object refused is named with its id, as an article is. A
    WordPress REST API post is read as the payload it stands for (`wordpress_post`)."""
    if not isinstance(obj, dict):
        return CmsProblem(name, f"expected a JSON object, got {json_type(obj)}")
    label = next((as_written(obj[key]) for key in ID_FIELDS if _is_value(obj.get(key)) and as_written(obj[key]).strip()), None)
    named = f"{name} ({label})" if label else name
    wordpress = ""
    # (An object with too many values is refused below before any reading of it.)
    post = wordpress_post(obj) if not _holds_too_many(obj) else None
    if isinstance(post, str):
        return CmsProblem(named, post)
    if post is not None:
        obj, wordpress = post
    refused = _refusal(obj, text, first_line, item) or _empty_article(obj, text, first_line, item, rendered=bool(wordpress))
    if refused is not None:
        return CmsProblem(named, refused)
    html = obj[_article_field(obj)]
    from compliance.metavalues import sent_as

    # A value sent under another field than the key rules read ("authors" for `reporter`) is
    # marked with its field, for the messages that name where it came from.
    meta = {
        target: sent_as(text, source) if source != target else text
        for source, target in META_FIELDS.items()
        if (text := _meta_text(source, obj.get(source))) is not None
    }
    extra = obj.get("meta")
    if isinstance(extra, dict):
        meta.update({str(k): text for k, v in extra.items() if (text := _meta_text(str(k), v)) is not None})
    unknown = tuple(str(key) for key in obj if key not in _READ_FIELD_SET)
    unnamed = tuple(
        f"payload field '{key}' is {json_type(obj[key])}, not a string or number: it does not name the article" for key in ID_FIELDS if _mistyped(obj.get(key))
    )
    packs = tuple(obj["packs"]) if isinstance(obj.get("packs"), list) else ()
    return CmsArticle(named, html, meta, unknown, unnamed, packs, wordpress)


def _refusal(obj: Mapping[str, Any], text: str | bytes | None, first_line: int, item: int | None) -> str | None:
    """Why the object is not an article to check (see `_article`), or None: a field given twice,
    two article fields, no article HTML, metadata that is not one value or given two ways with
    different values, an address that is not a web address; first, more values than any article
    holds (`MAX_ARTICLE_VALUES`), before any work that grows with them."""
    if _holds_too_many(obj):
        return TOO_MANY_VALUES
    twice = _given_twice(obj)
    if twice:
        where = _repeated_at(text, twice, first_line, item)
        field = ".".join(shown_key(key) for key in twice)
        return f"field '{field}' is given twice{where}: only one value is checked, and a CMS may publish the other; send each field once"
    spelt_twice = _meta_spelt_twice(obj)
    if spelt_twice is not None:
        first, second = spelt_twice
        where = f" (at line {lines[-1]})" if (lines := _lines_of(text, ("meta", second), first_line, item)) and not _one_line(text) else ""
        return (
            f"fields 'meta.{visible(shown_key(first))}' and 'meta.{visible(shown_key(second))}' are one metadata key in two spellings{where}"
            " (keys are read without letter case, '-' as '_'), whatever their values: only one would be checked; send the key once"
        )
    fields = _article_fields(obj)
    if len(fields) > 1:
        lines = _lines_of(text, (fields[1],), first_line, item)
        where = f" (again at line {lines[0]})" if lines else ""
        named = ", ".join(f"'{key}'" for key in fields[:-1]) + f" and '{fields[-1]}'"
        return f"fields {named} both give the article's HTML{where}: only one is checked, and a CMS may publish another; send the article in one field"
    if not (fields and isinstance(obj[fields[0]], str)) and not any(isinstance(obj.get(key), str) for key in HTML_FIELDS):
        given = next((key for key in HTML_FIELDS if key in obj), None)
        if given is not None:
            return f"field '{given}' is {json_type(obj[given])}, not a string of article HTML"
        return f"no article HTML (one of the fields {', '.join(HTML_FIELDS)})"
    packs = obj.get("packs")
    if packs is not None and not isinstance(packs, list):
        return f'field \'packs\' is {json_type(packs)}, not an array of pack ids ("packs": ["dcnf"])'
    wrong = [pack for pack in packs if not isinstance(pack, str)] if packs is not None else []
    if wrong:
        return f'field \'packs\' holds {json_type(wrong[0])}, not a pack id: send each id as a string ("packs": ["dcnf"])'
    if packs == []:
        # Detection in its place would answer a question not asked, as for a pack choice not read.
        return EMPTY_PACKS
    other_spelling = next((str(key) for key in obj if key != "packs" and names_packs(str(key))), None)
    if other_spelling is not None:
        return f'field \'{visible(other_spelling)}\' is not read — choose the packs with "packs": ["dcnf"]; not checked with packs it did not ask for'
    mistyped = _mistyped_metadata(obj)
    if mistyped is not None:
        path, (what, to_send) = mistyped
        lines = _lines_of(text, path, first_line, item)
        # A one-line payload (the API's usual request) has no line to point at.
        one_line = lines == [1] and isinstance(text, str | bytes) and len(text.strip().splitlines()) == 1
        where = f" (at line {lines[-1]})" if lines and not one_line else ""
        return f"field '{shown_path(path)}' {what}{where}; {to_send}"
    # An address that is no web address is refused for itself first: sent once, it is still wrong.
    not_an_address = _not_a_web_address(obj)
    if not_an_address is not None:
        return not_an_address
    two_ways = _given_two_ways(obj)
    return _two_ways_reason(two_ways, text, first_line, item) if two_ways is not None else None


def _meta_spelt_twice(obj: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first two keys of the object's `meta` that are one key in two spellings
    (`metavalues.same_key`: `original_headline` and `Original_Headline`), as sent, whatever their
    values (a string, the same one, "", null): a key given twice, which JSON written alike is
    refused for (`_given_twice`), and which value was meant is unknown; None when there are none."""
    extra = obj.get("meta")
    if not isinstance(extra, dict):
        return None
    spelt: dict[str, str] = {}
    for key in extra:
        before = spelt.setdefault(same_key(str(key)), str(key))
        if before != str(key):
            return before, str(key)
    return None


def _one_line(text: str | bytes | None) -> bool:
    """Whether the payload is one line (the API's usual request), which has no line to point at."""
    return isinstance(text, str | bytes) and len(text.strip().splitlines()) == 1


def _given_two_ways(obj: Mapping[str, Any]) -> list[tuple[tuple[str, ...], str]] | None:
    """The fields that give one metadata key with different values, as (path, value) in the
    order read (`reporter` and `meta.reporter`; `title` and `headline`, which both give the
    headline), or None when every key has one value (given once, or the same way each time)."""
    # By the key rules read, `-` and `_` alike (`original-headline` is `original_headline`).
    given: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for source, target in META_FIELDS.items():
        value = _meta_text(source, obj.get(source))
        if value is not None:
            given.setdefault(same_key(target), []).append(((source,), value))
            if source != target:
                # The field's own name too: `title` and `meta.title` are one field sent twice, as
                # `headline` and `meta.headline` are.
                given.setdefault(same_key(source), []).append(((source,), value))
    extra = obj.get("meta")
    if isinstance(extra, dict):
        for key, raw in extra.items():
            value = _meta_text(str(key), raw)
            if value is not None:
                given.setdefault(same_key(str(key)), []).append((("meta", str(key)), value))
    return next((ways for ways in given.values() if len({value for _, value in ways}) > 1), None)


def gives_one_value_differently(obj: Any) -> bool:
    """Whether a payload object gives one metadata key in two fields with different values
    (`title` "A" and `headline` "B"; `author` and `meta.reporter`): refused with `bad-input`, a
    rule OpenAPI cannot state (it has no "these two must be equal"), so the API's document says it
    in words."""
    return isinstance(obj, dict) and _given_two_ways(obj) is not None


def names_a_blank_meta_key(obj: Any) -> bool:
    """Whether a payload object's `meta` names a key that is empty or blank (`"meta": {"": "x"}`):
    refused with `bad-input`, as `--meta =x` is, a rule OpenAPI 3.0 cannot state (it has no
    `propertyNames`), so the API's document says it in words."""
    extra = obj.get("meta") if isinstance(obj, dict) else None
    return isinstance(extra, dict) and any(is_blank_key(key) for key in extra)


def _two_ways_reason(ways: list[tuple[tuple[str, ...], str]], text: str | bytes | None, first_line: int, item: int | None) -> str:
    """The refusal of metadata given two ways (`_given_two_ways`), naming the fields, their values
    and the line of the second when the payload has more than one line."""
    from compliance.display import visible

    (first, first_value), (second, second_value) = next((a, b) for index, a in enumerate(ways) for b in ways[index + 1 :] if a[1] != b[1])
    lines = _lines_of(text, second, first_line, item)
    one_line = isinstance(text, str | bytes) and len(text.strip().splitlines()) == 1
    where = f" (at line {lines[-1]})" if lines and not one_line else ""
    return (
        f"fields '{'.'.join(first)}' and '{'.'.join(second)}' both give the article's '{_given_key(first, second)}', "
        f"differently ('{visible(shown_key(first_value))}', '{visible(shown_key(second_value))}'){where}: "
        "only one would be checked, and a CMS may publish the other; "
        "send the value once, or the same in both"
    )


def _given_key(first: tuple[str, ...], second: tuple[str, ...]) -> str:
    """The metadata key two fields both give (`_given_two_ways`): a `meta` key's own, as rules read
    it (`title` and `meta.title` give `title`; `meta.Original-Headline` gives `original_headline`),
    else the key the first field gives (`title` and `headline` give `headline`)."""
    return same_key(second[-1]) if second[0] == "meta" else META_FIELDS.get(first[-1], first[-1])


def _article_field(obj: Mapping[str, Any]) -> str:
    """The field the article's HTML is read from, of an object `_refusal` let through: the one
    that holds text, else the first that is a string (empty or blank)."""
    fields = _article_fields(obj)
    return fields[0] if fields and isinstance(obj[fields[0]], str) else next(key for key in HTML_FIELDS if isinstance(obj.get(key), str))


def _empty_article(obj: Mapping[str, Any], text: str | bytes | None, first_line: int, item: int | None, *, rendered: bool) -> str | None:
    """Why an article whose HTML field is empty or white space only (`"html": ""`, a WordPress
    post's `"content": {"rendered": ""}`) is not checked, naming the field as sent (`rendered`:
    the post's `content.rendered`) and its line; None when the field holds something. The payload
    is not empty, its article is: a CMS about to publish a story with nothing in it is a mistake
    to fix in the CMS, refused as an article field of the wrong type is, not skipped as an empty
    file is."""
    key = _article_field(obj)
    html = obj[key]
    if html.strip():
        return None
    path: tuple[str, ...] = (key, "rendered") if rendered and key == "content" else (key,)
    lines = _lines_of(text, path, first_line, item)
    # A one-line payload (the API's usual request) has no line to point at.
    one_line = lines == [1] and isinstance(text, str | bytes) and len(text.strip().splitlines()) == 1
    where = f" (at line {lines[-1]})" if lines and not one_line else ""
    what = "is empty" if not html else "is blank (white space only)"
    return f"field '{shown_path(path)}' {what}, not article HTML{where}: there is no article to check; send the article's HTML in it"


def _article_fields(obj: Mapping[str, Any]) -> list[str]:
    """The article fields (`html`, `content`, `body`…) the object gives a value in: not null and
    not blank. Two of them are refused: which one a CMS publishes is its own choice (one reads
    `content`, another `body`), so checking one would pass an article nobody checked."""
    return [key for key in HTML_FIELDS if obj.get(key) is not None and not (isinstance(obj[key], str) and not obj[key].strip())]


def _is_value(value: Any) -> bool:
    """A metadata or id value: a string or a number (`true` and `false` are neither)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _mistyped(value: Any) -> bool:
    """Given, but not as a string or number (`null` counts as not given)."""
    return value is not None and not _is_value(value)


# Keys whose value may be an array of people (`_names`): the metadata keys that name people, and
# `bylines`, a CMS's list of the people its byline credits.
PEOPLE_FIELDS = frozenset({"author", "authors", "reporter", "reporters", "bylines"})
# The fields of a person's object that give the name a byline shows, the one shown first: CMSs send
# authors as objects (WordPress's `name`, others' `display_name` beside a login `name`).
_NAME_FIELDS = ("display_name", "name")


_NO_NAME = "is an object with no 'name' or 'display_name' string, not a name"


def _given_name(value: Any) -> bool:
    """A string with something in it: "" or blank space names nobody (a CMS's author record
    often carries an empty `display_name` beside its `name`)."""
    return isinstance(value, str) and bool(value.strip())


def _person(value: Any) -> str | None:
    """The name one element of an array of people gives: a string, or an object's `display_name`
    (else `name`) when that is a string; None for anything else (a number, null, an array, an
    object with neither) and for a name that is blank ("", "   ", `{"display_name": ""}`), which
    would silently check the article against nobody."""
    if isinstance(value, dict):
        value = next((value[key] for key in _NAME_FIELDS if _given_name(value.get(key))), None)
    return value if _given_name(value) else None


def _not_a_name(value: Any) -> tuple[str, str]:
    """What an element of an array of people that `_person` refuses is, and what to send instead."""
    if isinstance(value, dict):
        blank = [f"'{key}'" for key in _NAME_FIELDS if isinstance(value.get(key), str)]
        if blank:
            what = f"is an object whose {' and '.join(blank)} {'is' if len(blank) == 1 else 'are'} blank, not a name"
            return what, "send the person's name in it, or leave the element out"
        return _NO_NAME, "send each name as a string, or an object with its 'name'"
    if isinstance(value, str):
        return ("is empty, not a name" if not value else "is blank, not a name"), "send the person's name, or leave the element out"
    return f"is {json_type(value)}, not a name", "send each name as a string"


def _names(key: str, value: Any) -> list[str] | None:
    """The names an array gives under a key that names people (`"author": ["Ana Ruiz", "Ben
    Li"]`, `"reporters": [{"name": "Ana Ruiz"}]`: a story with two reporters), or None for any
    other value, or when one of its elements is no name (`_person`)."""
    if same_key(key) not in PEOPLE_FIELDS or not isinstance(value, list):
        return None
    people = [_person(item) for item in value]
    if any(name is None for name in people):
        return None
    return [text for name in people if (text := " ".join(str(name).split()))]


def _meta_text(key: str, value: Any) -> str | None:
    """The text of a metadata value as sent: a string, or a number as its JSON writes it (`1e3`,
    `1.50`, not `1000.0`, `1.5`), an array of names
    under a key that names people as a byline lists them ("Ana Ruiz and Ben Li"); None for
    `null` (no value) and for what `_mistyped_metadata` refuses."""
    from compliance.metavalues import names_meta

    if _is_value(value):
        return as_written(value).strip()
    names = _names(key, value)
    return names_meta(names) if names is not None else None


def _one_value(key: str) -> str:
    """What to send instead of a value that is not one, for the error."""
    return "send a string, an array of names (or null for none)" if same_key(key) in PEOPLE_FIELDS else "send one value as a string (or null for none)"


def _not_a_web_address(obj: Mapping[str, Any]) -> str | None:
    """Why a payload field that holds an address (`source_url`, `canonical_url`, …) cannot be
    used, as `--meta` refuses it (`check_metadata`), naming the field as sent; or None. Each
    field is judged as sent, whichever of them (or `meta`) gives the value rules read, so that a
    payload is refused for what it holds, as the API's OpenAPI document describes each field."""
    from compliance.errors import ConfigError
    from compliance.fixtemplates import URL_KEY_SUFFIXES, check_metadata

    sent = {source: as_written(obj[source]) for source, target in META_FIELDS.items() if target.endswith(URL_KEY_SUFFIXES) and _is_value(obj.get(source))}
    try:
        check_metadata(sent)
    except ConfigError as exc:
        return exc.one_line()
    return None


def _mistyped_metadata(obj: Mapping[str, Any]) -> tuple[tuple[str | int, ...], tuple[str, str]] | None:
    """Why the article's metadata cannot be read as sent (a field rules read that is an array, an
    object or true/false; a `meta` that is not an object; an element of an array of names that
    is not a name), as the path of what is wrong (`("meta", "reporter")`, `("meta", "authors",
    2)`: an array's element by its index from 0) with what it is ("is an array, not a string")
    and what to send instead, or None. Rules require these values (the reporter, the original):
    dropping one silently would check the article against less than the CMS sent. An array of
    names under a key that names people (`author`) is several people, not a mistake."""
    found = next((misfit for key in META_FIELDS if (misfit := _misfit((key,), obj.get(key))) is not None), None)
    if found is not None:
        return found
    extra = obj.get("meta")
    if extra is None:
        return None
    if not isinstance(extra, dict):
        return ("meta",), (f"is {json_type(extra)}, not an object of the article's metadata", 'send "meta": {"reporter": "…"}')
    blank = next((key for key in extra if is_blank_key(key)), None)
    if blank is not None:
        return ("meta", blank), (NO_KEY, 'send "meta": {"reporter": "…"}')
    return next((misfit for key, value in extra.items() if (misfit := _misfit(("meta", key), value)) is not None), None)


def _misfit(path: tuple[str, ...], value: Any) -> tuple[tuple[str | int, ...], tuple[str, str]] | None:
    """What is wrong with the metadata `value` at `path` (see `_mistyped_metadata`), or None."""
    key = path[-1]
    if _mistyped(value) and _names(key, value) is None:
        index = next((i for i, item in enumerate(value) if _person(item) is None), None) if same_key(key) in PEOPLE_FIELDS and isinstance(value, list) else None
        if index is not None:
            return (*path, index), _not_a_name(value[index])
        return path, (f"is {json_type(value)}, not a string", _one_value(key))
    return None


def shown_path(path: tuple[str | int, ...]) -> str:
    """A payload field's path as a user finds it: `meta.authors[2]` (an index counts from 0)."""
    shown = ""
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{shown_key(part)}" if shown else shown_key(part))
    return shown


def _given_twice(obj: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The first field read that the object gives twice, as its path: a top-level field
    (`("html",)`), else a key of its `meta` object (`("meta", "reporter")`), every one of which
    is read; None when none is."""
    twice = next((key for key in getattr(obj, "repeated", ()) if key in _READ_FIELDS), None)
    if twice is not None:
        return (twice,)
    extra = obj.get("meta")
    repeated = getattr(extra, "repeated", ())
    return ("meta", repeated[0]) if repeated else None


def _repeated_at(text: str | bytes | None, path: tuple[str, ...], first_line: int, item: int | None) -> str:
    """` (again at line 3)`: where the field at `path` is given the second time in the object (the
    `item`th of an array, or the whole text), read again with positions only when it is (JSON is
    YAML, and the YAML composer keeps every key with its line), or nothing when that fails."""
    lines = _lines_of(text, path, first_line, item)
    return f" (again at line {lines[1]})" if len(lines) > 1 else ""


def _lines_of(text: str | bytes | None, path: tuple[str | int, ...], first_line: int, item: int | None) -> list[int]:
    """The lines of the payload where the field at `path` is given in the object (the `item`th of
    an array, or the whole text), each time it is (see `_repeated_at`), or where the array element
    a path ends with an index is; none when the text is not kept or cannot be read so."""
    if text is None:
        return []
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
    try:
        node = loader.get_single_node()
    except Exception:  # noqa: BLE001 - JSON that YAML reads otherwise: the line is then not given
        return []
    finally:
        loader.dispose()
    if item is not None and isinstance(node, yaml.SequenceNode):
        node = node.value[item] if item < len(node.value) else None
    for depth, key in enumerate(path):
        if isinstance(key, int):
            if not isinstance(node, yaml.SequenceNode) or key >= len(node.value):
                return []
            node = node.value[key]
            if depth == len(path) - 1:
                return [node.start_mark.line + first_line]
            continue
        if not isinstance(node, yaml.MappingNode):
            return []
        given = [(key_node, value) for key_node, value in node.value if isinstance(key_node, yaml.ScalarNode) and key_node.value == key]
        if depth == len(path) - 1:
            return [key_node.start_mark.line + first_line for key_node, _ in given]
        node = given[-1][1] if given else None  # the value JSON keeps: the last
    return []


# An article's name, `FILE#N (id)`: its payload, its place in it and the id the CMS gave it.
_NAMED = re.compile(r"(?P<origin>.*?)#[0-9]+ \((?P<id>.*)\)", re.DOTALL)


def baseline_key(name: str) -> str:
    """The name a baseline records a payload's article under: `FILE (id)` when the article has
    an id (`cms.json#2 (story-42)` → `cms.json (story-42)`), so that a payload sent again in
    another order still matches its known findings; else its place, `FILE#N`, as it is named."""
    named = _NAMED.fullmatch(name)
    return f"{named['origin']} ({named['id']})" if named else name


def parse_payload(text: str, origin: str) -> Iterator[CmsArticle | CmsProblem]:
    """The articles of a payload, in order: one object, an array, or JSON lines (`origin#N` names them)."""
    stripped = text.strip()
    if not stripped:
        yield CmsProblem(origin, EMPTY_PAYLOAD)
        return
    try:
        whole = loads_payload(stripped)
    except (ValueError, RecursionError):
        whole = None
    else:
        items = whole if isinstance(whole, list) else [whole]
        array = isinstance(whole, list)
        for number, obj in enumerate(items, start=1):
            yield _article(obj, f"{origin}#{number}", text, item=number - 1 if array else None)
        return
    # Each object is one result, named by its place among them (`#2`), whatever blank lines lie
    # between; a message about a line names the line.
    objects = (line for line in enumerate(text.splitlines(), start=1) if line[1].strip())
    for count, (number, line) in enumerate(objects, start=1):
        try:
            obj = loads_payload(line)
        except (ValueError, RecursionError) as exc:
            yield CmsProblem(f"{origin}#{count}", _not_json(number, exc))
            continue
        yield _article(obj, f"{origin}#{count}", line, number)


def payload_article(obj: Any, text: str, origin: str) -> CmsArticle | CmsProblem:
    """The article of a payload that is one object, `obj`, read from `text` (named `origin#1`, as
    `parse_payload` names it), for a reader that has parsed the payload already."""
    return _article(obj, f"{origin}#1", text)


def _not_json(number: int, error: Exception) -> str:
    """Why line `number` of JSON lines is not read, at its place in the file: json's own place
    ("line 1 column 31") is within the line, read alone."""
    if isinstance(error, json.JSONDecodeError) and error.lineno == 1:
        return f"line {number} column {error.colno} is not valid JSON: {error.msg}"
    return f"line {number} is not valid JSON: {error}"


_SKIP_CHUNK = 1024 * 1024
_NOT_JSON_HINT = "--input-kind cms-json reads one JSON object, an array of them, or JSON lines"


class _Prefixed(io.RawIOBase):
    """A binary stream's bytes with the ones already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def utf8_payload(stream: BinaryIO, origin: str) -> BinaryIO:
    """A payload stream as UTF-8 bytes: one in UTF-16 or UTF-32 (with a byte-order mark, or
    without one, told by where its first character's zero bytes are, as `json.loads` reads bytes)
    is decoded as it is read, a character that does not decode shown as U+FFFD; UTF-8 (with or
    without its BOM) is read as it is. So the command line reads every payload `POST /v1/check`
    reads. A UTF-16 or UTF-32 byte-order mark before bytes that are UTF-8 is refused
    (`InputError` naming `origin`, `mark_refusal`)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:  # a buffered stream (a file, standard input): look without taking
        head, rest = bytes(peek(MARK_HEAD)[:MARK_HEAD]), stream
    elif stream.seekable():
        start = stream.tell()
        head = stream.read(MARK_HEAD)
        stream.seek(start)
        rest = stream
    else:
        head = stream.read(MARK_HEAD)
        rest = cast(BinaryIO, io.BufferedReader(_Prefixed(head, stream)))
    refused = mark_refusal(head)
    if refused is not None:
        raise InputError(refused[0], path=origin, hint=refused[1])
    encoding = json.detect_encoding(head[:4])
    if encoding in ("utf-8", "utf-8-sig"):
        # Read as it is, one payload at a time: no buffer of this reader's reads ahead of it.
        return rest
    return cast(BinaryIO, codecs.EncodedFile(rest, "utf-8", encoding, errors="replace"))


def mark_refusal(head: bytes) -> tuple[str, str] | None:
    """Why a payload starting with `head` is not read, and what to do, when it starts with a
    UTF-16 or UTF-32 byte-order mark that the bytes after it contradict (they are UTF-8:
    `decoding.contradicted_mark`); None otherwise. Read in the mark's encoding, the payload
    would be U+FFFD throughout: "not JSON", with no word of why."""
    contradicted = contradicted_mark(head)
    if contradicted is None:
        return None
    name, size = contradicted
    return (
        f"the payload starts with a {name} byte-order mark, but the bytes after it are UTF-8, not {name}",
        f"remove the byte-order mark (its first {size} bytes), or send the payload in {name}",
    )


def shown_start(data: bytes) -> str:
    """The first 40 bytes of the first line of what is not a payload, through the output sanitiser
    (a byte that is not UTF-8 as `\\xff`, a control character as its escape)."""
    return visible(data.strip().split(b"\n", 1)[0][:40].decode("utf-8", "surrogateescape").strip())


def _line_too_long(number: int, max_bytes: int | None) -> str:
    # Only a read with a limit stops mid-line, so `max_bytes` is a number here.
    return f"line {number} is more than --max-bytes {max_bytes:,} bytes; not checked — {RAISE_MAX_BYTES}"


class PayloadTooLarge(InputError):
    """A payload read whole (one object or an array) beyond `--max-bytes`: none of its articles is
    checked, and its report's notice is `too-large`, as a file's beyond the limit is."""


def read_payloads(stream: BinaryIO, origin: str, *, max_bytes: int | None) -> Iterator[CmsArticle | CmsProblem]:
    """The articles of a payload read from a stream, one at a time, so memory stays bounded.

    JSON lines are read line by line and each payload may hold at most `max_bytes` (a longer one is
    reported and skipped without being held in memory). A single object spread over several lines,
    or an array, is read whole, at most `max_bytes` of it. Input that is not JSON at all is a user
    error (`InputError`, one line), raised before any article is checked. UTF-16 and UTF-32 are
    read as `utf8_payload` reads them.
    """
    stream = utf8_payload(stream, origin)
    number = 0
    while True:
        line, complete = _read_line(stream, max_bytes)
        number += 1
        if not line:
            yield CmsProblem(origin, EMPTY_PAYLOAD)
            return
        if line.strip():
            break
    # Each object is one result, named by its place among them (`#2`, after the elements of an
    # array on the first line), whatever blank lines lie between; a message about a line names it.
    count = 1
    if not complete:
        yield CmsProblem(f"{origin}#{count}", _line_too_long(number, max_bytes))
    else:
        first = _parse_line(line)
        if first is None:
            yield from _whole_document(line, stream, origin, max_bytes)
            return
        if isinstance(first, list):
            yield from (_article(obj, f"{origin}#{i}", line, number, item=i - 1) for i, obj in enumerate(first, start=1))
            count = len(first)
        else:
            yield _article(first, f"{origin}#{count}", line, number)
    while True:
        line, complete = _read_line(stream, max_bytes)
        number += 1
        if not line:
            return
        if not line.strip():
            continue
        count += 1
        name = f"{origin}#{count}"
        if not complete:
            yield CmsProblem(name, _line_too_long(number, max_bytes))
            continue
        try:
            obj = loads_payload(line)
        except (ValueError, RecursionError) as exc:
            yield CmsProblem(name, _not_json(number, exc))
            continue
        yield _article(obj, name, line, number)


def not_a_payload(stream: BinaryIO, origin: str) -> InputError | None:
    """Why a stream cannot be a payload (it does not start as a JSON object or array: an HTML page,
    plain text), judged from its first non-blank byte; None when it may be one (an empty stream is
    reported as such when it is read), or a byte-order mark the bytes after it contradict."""
    try:
        stream = utf8_payload(stream, origin)
    except InputError as exc:
        return exc
    head = b""
    while len(head) < _SKIP_CHUNK:
        chunk = stream.read(4096)
        if not chunk:
            break
        head += chunk
        stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        if stripped:
            if stripped[:1] in (b"{", b"["):
                return None
            hint = _NOT_JSON_HINT + "; check HTML, text and Markdown without --input-kind"
            return InputError(f"not JSON; it starts with '{shown_start(stripped)}'", path=origin, hint=hint)
    return None


def _read_line(stream: BinaryIO, limit: int | None) -> tuple[bytes, bool]:
    """The next line, and whether it is whole: a line longer than `limit` is skipped to its end
    (returned cut short, with False), never held in memory whole."""
    if limit is None:
        return stream.readline(), True
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while True:
        rest = stream.readline(_SKIP_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return line[:64] or b" ", False


def _parse_line(line: bytes) -> Any:
    """A first line that is a JSON value on its own (JSON lines, or a one-line document), else None."""
    try:
        return loads_payload(line)
    except (ValueError, RecursionError):
        return None


def _to_locate(obj: Any) -> bool:
    """Whether the object may be refused at a line of the payload (see `_refusal`)."""
    return isinstance(obj, dict) and bool(
        _given_twice(obj) or _meta_spelt_twice(obj) or len(_article_fields(obj)) > 1 or _mistyped_metadata(obj) or _given_two_ways(obj) or _blank_article(obj)
    )


def _blank_article(obj: Mapping[str, Any]) -> bool:
    """Whether the object's article HTML, as sent, is empty or blank (see `_empty_article`): an
    article field that is a string and none that holds text, or a WordPress post's
    `content.rendered` that holds none."""
    content = obj.get("content")
    if isinstance(content, dict) and isinstance(content.get("rendered"), str):
        return not content["rendered"].strip() and not _article_fields({key: value for key, value in obj.items() if key != "content"})
    return not _article_fields(obj) and any(isinstance(obj.get(key), str) for key in HTML_FIELDS)


def _whole_document(start: bytes, stream: BinaryIO, origin: str, limit: int | None) -> Iterator[CmsArticle | CmsProblem]:
    data = bytearray(start)
    while limit is None or len(data) <= limit:
        chunk = stream.read(_SKIP_CHUNK)
        if not chunk:
            break
        data += chunk
    else:
        raise PayloadTooLarge(f"the payload is more than --max-bytes {limit:,} bytes", path=origin, hint="send JSON lines, or raise --max-bytes")
    try:
        whole = loads_payload(bytes(data))
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not JSON ({visible(str(exc))}); it starts with '{shown_start(bytes(start))}'", path=origin, hint=_NOT_JSON_HINT) from None
    array = isinstance(whole, list)
    items = whole if array else [whole]
    # The text is kept only to locate a field given twice, a second article field or metadata that is not one value.
    located = any(_to_locate(obj) for obj in items)
    text = bytes(data) if located else None
    del data
    for number, obj in enumerate(items, start=1):
        yield _article(obj, f"{origin}#{number}", text, item=number - 1 if array else None)
