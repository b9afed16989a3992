"""A rule's `fix:` as pack data: where the block goes, in which syntaxes, and the values it needs.

Loaded with every pack (the pack cache holds these objects), so it stays small; planning and
applying fixes is `compliance.fixes`, imported only by the commands that fix.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from compliance.errors import ConfigError
from compliance.firstuse import on_first_use
from compliance.metavalues import PASTED_ENDS, name_problem, same_key
from compliance.patterns import Pattern
from compliance.text import shorten
from compliance.urls import URL_ENDS, is_http_url

if TYPE_CHECKING:
    from compliance.checks import Check
    from compliance.document import Document, DocumentKind
    from compliance.packs import Pack

Side = Literal["before", "after"]
SIDES: tuple[str, ...] = ("before", "after")
# What a fix does with its block: puts it before or after its place, or puts it in place of the
# paragraph its `where` check finds (a credit line in other words: `fixes` keeps its markup).
Insert = Literal["before", "after", "replace"]
REPLACE = "replace"
INSERTS: tuple[str, ...] = (*SIDES, REPLACE)
# Places a fix can name; any other `where` is a check whose first match is the place.
PLACES: tuple[str, ...] = ("byline", "headline", "body", "end")
# Where a rule's finding of something missing may say it belongs (`missing-at`), for a rule
# without a fix to say it: the story's end (a pixel the terms put there) or its byline (a link
# back or the license credited with the author, in a base pack that knows no credit line). A
# `missing-at` may also name another rule of the pack (`propublica/credit-line`): where that
# rule found its thing, when it did (the credit line a link back's help says to link).
MISSING_AT: tuple[str, ...] = ("end", "byline")
SYNTAXES: tuple[str, ...] = ("html", "markdown", "text")
# A template's keys: the syntaxes, and `amp`, the HTML block for an AMP page (`is_amp_page`).
TEMPLATE_KEYS: tuple[str, ...] = (*SYNTAXES, "amp")
# The ways an article names its original's address itself, each read as `fix._address` reads it: a
# link back (a credit line's link), the page head's canonical link, and in a Markdown or text copy
# the front matter's `canonical_url` (as a theme writes the canonical link from it) or `original_url`.
ORIGINAL_URL_IN_THE_ARTICLE = (
    "or have the article name it: a link back to it, its head's canonical link or syndication-source meta tag,"
    " or in Markdown or text its front matter's canonical_url or original_url"
)
# Values every fix may use, and what to give when one is not known.
BUILT_IN_VALUES: dict[str, str] = {
    "reporter": "the reporter's name: give the original story (--original FILE) or --meta reporter=NAME",
    "original-url": "the original story's URL: give --meta original-url=URL, or an original whose canonical link names it (--original FILE), "
    + ORIGINAL_URL_IN_THE_ARTICLE,
    "headline": "the original headline: give the original story (--original FILE) or --meta original_headline=TEXT",
    "authors": "each author with their institution: give the original story (--original FILE), whose byline names both",
    "original-date": "the day the original story was published: give --meta original-date=YYYY-MM-DD, or the original story (--original FILE), "
    + "whose article:published_time, JSON-LD datePublished or front matter date names it",
}
# The same values as the editor's page gives them (`syndcheck serve`): its fields, not options.
BUILT_IN_VALUES_ON_THE_PAGE: dict[str, str] = {
    "reporter": "the reporter's name: give the Reporter field, or upload the original story as the Original story file",
    "original-url": "the original story's URL: give the Original URL field, or an Original story file whose canonical link names it, "
    + ORIGINAL_URL_IN_THE_ARTICLE,
    "headline": "the original headline: give the Original headline field, or upload the original story as the Original story file",
    "authors": "each author with their institution: give the original story as the Original story file, whose byline names both",
    "original-date": "the day the original story was published: give original_date=YYYY-MM-DD under Other metadata, or the original story "
    + "as the Original story file, whose article:published_time, JSON-LD datePublished or front matter date names it",
}
# The metadata key that gives `{original-date}` (read as `--meta original-date=` is: `same_key`).
ORIGINAL_DATE_KEY = "original_date"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
# A day as Global Voices' credit line writes it ("March 2, 2026"), which an editor may paste.
_WRITTEN_DAY = on_first_use(r"(?i)(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})")
PLACEHOLDER = on_first_use(r"\{([A-Za-z][A-Za-z0-9_.-]*)\}")
# Metadata keys that name an address (`logo-url`, `original-url`, `original_url`): fixes put
# their values into `src` and `href` attributes and Markdown links.
URL_KEY_SUFFIXES = ("-url", "_url")
# What a URL never holds as written (RFC 3986 §2: space, quotes and angle brackets are
# percent-encoded): any white space (a tab, a no-break space, U+2028), quotes, angle brackets.
_NOT_IN_URL = on_first_use(r"[\s\"'<>`]")
# Control characters (C0 but the tab and line breaks, DEL, C1 such as U+0085), which no address
# holds as written: a terminal's escape sequence (ESC) pasted into one, or one written there to
# colour a terminal that shows it. Looked for first, wherever it is: Python's `str.strip` and `\s`
# take U+0085 and U+001C…U+001F for white space.
_CONTROL = on_first_use(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_metadata(meta: Mapping[str, str], packs: Iterable[Pack] = ()) -> None:
    """Raise the first of `metadata_problems(meta, packs)` (a user error: exit 2 on the command line)."""
    problems = metadata_problems(meta, packs)
    if problems:
        raise problems[0]


def metadata_problems(meta: Mapping[str, str], packs: Iterable[Pack] = ()) -> list[ConfigError]:
    """A `ConfigError` for each metadata value that is refused, in the order given: a value that
    names an address and is not an http(s) URL (`address_problem`), so that `--meta
    logo-url=ftp://x` is refused before any article is read rather than failing inside a rule; a
    `medium` that is neither `online` nor `print` (a typo would otherwise leave every online-only
    rule unchecked); an `original_date` that names no day (`day_given`), which a fix would write;
    a name that names no one (`metavalues.name_problem`: a reporter of control
    characters only). A key names an address when it ends in `-url` or `_url`, or when a fix of one of
    `packs` puts it into an image's `src` (`values: {logo: {original-image: …, meta:
    gazette-logo}}`). An empty value is a value not given, and is allowed. Pure."""
    from compliance.checks.medium import MEDIUM_KEY, MEDIUMS

    problems: list[ConfigError] = []
    medium = meta.get(MEDIUM_KEY, "").strip()
    if medium and medium.lower() not in MEDIUMS:
        problems.append(
            ConfigError(
                f"metadata '{MEDIUM_KEY}' must be 'online' or 'print', got '{shorten(medium, 40)}'",
                hint=f"give {MEDIUM_KEY}=online for a copy published on the web, {MEDIUM_KEY}=print for one printed",
            )
        )
    addresses = {
        source.meta
        for pack in packs
        for rule in pack.rules
        if rule.fix is not None
        for source in rule.fix.values
        if source.original_image is not None and source.meta is not None
    }
    for key, value in meta.items():
        if same_key(key) == ORIGINAL_DATE_KEY and value.strip(PASTED_ENDS) and day_given(value) is None:
            # A fix writes the day into the credit line: one it cannot read would be left out
            # without a word, or worse, written as given ("yesterday").
            problems.append(
                ConfigError(
                    f"metadata '{key}' must name a day, got '{_shown_value(value)}'",
                    hint=f"give the day the original was published, for example {key}=2026-03-02",
                )
            )
            continue
        if named := name_problem(key, value):
            field = getattr(value, "sent_as", "")
            said = f"payload field '{field}'" if field else f"metadata '{key}'"
            problems.append(ConfigError(f"{said} {named}", hint=f"give the name as printed, for example {key}=Jake Smith"))
            continue
        if (key.casefold().endswith(URL_KEY_SUFFIXES) or key in addresses) and (problem := address_problem(value)):
            spaced = not problem.startswith(("must be", "holds a control", "holds a line separator"))
            hint = "give the address alone, with a space written %20" if spaced else f"give the full address, for example {key}=https://example.org/…"
            problems.append(ConfigError(f"metadata '{key}' {problem}", hint=hint))
    return problems


def address_problem(value: str) -> str | None:
    """What is wrong with a metadata value that names an address, as a predicate for "metadata
    'KEY' …" ("must be an http(s) URL, got 'ftp://x'"), or None when it is an http(s) URL or
    empty (a value not given). A value with a space, quote or angle bracket inside is refused
    too: a fix writes it into an attribute, where "l.png onerror=x" is one address with a space to
    a browser, and most likely something else pasted after the address. So is one with a control
    character anywhere but before the scheme (ESC, NUL, DEL, a C1 control such as U+0085:
    "http://\\x1b[31m.example/"), which no address holds as written: in its host no rule could
    match it and no fix link to it, and it would be left unused without a word. The predicate
    names the first character refused, escaped, and where it is ("holds a control character
    (\\x1b, character 8), which no address does: 'http://\\x1b[31m.example/'"); the value is quoted
    with every control escaped (`display.visible`, a tab as `\\t`). Only a space, tab or line break
    pasted at either end is left out. The one rule for `--meta`, the HTTP API's query, payload and
    page, and the metadata a front matter gives. Pure; never raises."""
    given = value.strip(PASTED_ENDS)
    if not given:
        return None
    if not is_http_url(given):
        return f"must be an http(s) URL, got '{_quoted_address(given)}'"
    # Controls a browser strips before the scheme are no part of the address (`is_http_url`).
    start = len(given) - len(given.lstrip(URL_ENDS))
    found = _CONTROL().search(given, start) or _NOT_IN_URL().search(given)
    if found is None:
        return None
    return f"holds {_refused(found.group())} ({_escaped(found.group())}, character {found.start() + 1}), which no address does: '{_quoted_address(given)}'"


def _shown_value(value: str) -> str:
    """A metadata value as a message quotes it: every control and invisible character escaped."""
    from compliance.display import visible

    return shorten(visible(value.strip(PASTED_ENDS)), 40)


def day_given(value: str) -> datetime.date | None:
    """The day an `original_date` metadata value names: an ISO 8601 date, or date and time, as
    written ("2026-03-02", "2026-03-02T09:30:00-06:00": the day the publisher wrote, whatever
    its zone), or the day as a credit line writes it ("March 2, 2026"); None when it names none
    (blank, "March 2026", "yesterday"): a day is never guessed. Pure."""
    text = value.strip(PASTED_ENDS)
    try:
        return datetime.date.fromisoformat(text[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?", text) else _written_day(text)
    except ValueError:  # "2026-02-30"
        return None


def _written_day(text: str) -> datetime.date | None:
    """The day "March 2, 2026" names (month in words, any case), or None (`ValueError` for a
    day no month has: "February 30, 2026")."""
    found = _WRITTEN_DAY().fullmatch(text)
    if found is None:
        return None
    month = [name.casefold() for name in _MONTHS].index(found.group(1).casefold()) + 1
    return datetime.date(int(found.group(3)), month, int(found.group(2)))


def day_written(day: datetime.date) -> str:
    """`day` as Global Voices' credit line writes it, in English whatever the locale: "March 2, 2026"."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def words_written_in(kind: str, words: str) -> str:
    """`words` as a fix writes them into an article of `kind` ("html", "markdown", "text"): HTML's
    special characters as character references, Markdown's (`\\`, `` ` ``, `*`, `_`, brackets,
    angle brackets) each behind a backslash, plain text as it is."""
    if kind == "html":
        import html

        return html.escape(words, quote=False)
    return _MARKDOWN_SPECIAL().sub(r"\\\g<0>", words) if kind == "markdown" else words


def address_written_in_markdown(address: str) -> str:
    """An http(s) address as a Markdown link's destination: a space and round brackets
    percent-encoded, which would end it."""
    return address.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


# What Markdown reads as syntax in a link's words or a line's text (compiled when a fix is written).
_MARKDOWN_SPECIAL = on_first_use(r"[\\`*_\[\]<>]")


def _refused(char: str) -> str:
    """What `address_problem` calls a character no address holds."""
    if _CONTROL().fullmatch(char):
        return "a control character"
    if char in "\u2028\u2029":
        return "a line separator"
    return "a quote" if char in "\"'`" else "an angle bracket" if char in "<>" else "a space"


def _escaped(char: str) -> str:
    """`char` as a message names it: a quote or angle bracket as itself, any other as its escape
    (`\\x20` for the space, `\\t`, `\\xa0`, `\\u2028`), so that no two look alike."""
    from compliance.display import escape_char

    return char if char in "\"'`<>" else "\\t" if char == "\t" else escape_char(char)


def _quoted_address(given: str) -> str:
    """`given` for a message: every control and invisible character escaped before it is shortened
    (`shorten` would drop them or show them as spaces), a tab too."""
    from compliance.display import visible

    return shorten(visible(given).replace("\t", "\\t"), 60)


# What the AMP HTML spec refuses in a page's markup: the elements AMP components replace
# (`<amp-img>`, `<amp-pixel>`, `<amp-iframe>`, `<amp-video>`…; a custom `<script>`), and
# `!important` in a `style` attribute. The validator rejects the page and AMP caches drop it,
# where a counter or pixel then never loads.
_NOT_ON_AMP = on_first_use(r"<(?:img|picture|video|audio|iframe|frame|frameset|embed|object|script)\b|!\s*important", re.IGNORECASE)


def not_on_amp(block: str) -> str | None:
    """What in the HTML `block` an AMP page does not take ("<img", "!important"), or None."""
    found = _NOT_ON_AMP().search(block)
    return found.group(0) if found else None


def is_amp_page(doc: Document) -> bool:
    """Whether `doc` is an AMP page: its `<html>` carries the `⚡` or `amp` attribute (AMP HTML
    spec, "required markup"). AMP for email and ads (`⚡4email`, `amp4ads`) are not web pages a
    story is republished on; a page that links its AMP version (`rel=amphtml`) is not one."""
    root = doc.root
    return doc.kind == "html" and root is not None and root.tag == "html" and ("⚡" in root.attrib or "amp" in root.attrib)


class ValueSource(NamedTuple):
    """Where a fix's own value comes from, tried in this order: the `src` of the original's first
    image whose alt text matches `original_image`; the first group of `original_url` matched
    against the original's URL; the article metadata key `meta`; the first group of `page_text`
    at its first match in the article's own text, block by block in page order (the outlet a
    credit line or byline of the page names: "Via Nebraska Examiner")."""

    name: str
    original_image: Pattern | None = None
    original_url: Pattern | None = None
    meta: str | None = None
    page_text: Pattern | None = None


class FixTemplate(NamedTuple):
    """A rule's `fix:`: insert `templates[syntax]` `insert` (before/after) the place `where`, or
    (`insert: replace`) put it in place of the paragraph the check `where` finds first."""

    insert: Insert
    where: str | Check
    templates: tuple[tuple[str, str], ...]
    values: tuple[ValueSource, ...] = ()
    # The fix applies only where this check passes (an AMP page takes no custom script).
    when: Check | None = None
    # `original-link`: where the original's address is not given, the page's own link to one of
    # the publisher's stories that names it (a credit line's link, the canonical link), read by
    # this `link` check (`original: true`, `credit: true`, its `href` the pack's regex). It only
    # names `{original-url}`: no verdict reads it.
    original_link: Check | None = None

    def template_for(self, kind: DocumentKind, *, amp: bool = False) -> str | None:
        """The block in this document's syntax; a plain template is a paragraph in HTML. On an AMP
        page (`amp`, see `is_amp_page`) the `amp` template, else the HTML one when AMP takes it
        (`not_on_amp`): None when neither does, for an invalid AMP page is dropped from AMP caches."""
        templates = dict(self.templates)
        if amp and kind == "html":
            return templates.get("amp") or (None if not_on_amp(templates.get("html") or "") else templates.get("html"))
        return templates.get(kind)

    @property
    def place(self) -> str:
        """Where the block goes, in words ("before the byline", "in place of the match of its check")."""
        verb = "in place of" if self.insert == REPLACE else self.insert
        return f"{verb} the {self.where if isinstance(self.where, str) else 'match of its check'}"
