"""Plain-language descriptions of what a pack looks for, for findings an editor reads.

A pack may label each pattern and selector (`label:`); without a label these functions write
one. They never return a regex or a CSS selector: what they cannot put in words becomes a
neutral phrase ("text the rule describes by a pattern"), so an editor is never shown
`(^(https?:)?//…)`.
"""

from __future__ import annotations

import re

from compliance.firstuse import on_first_use

# Element names as an editor would call them.
_ELEMENT_NOUNS = {
    "img": "image",
    "amp-img": "image",
    "picture": "image",
    "source": "image",
    "figure": "figure",
    "figcaption": "photo caption",
    "amp-pixel": "tracking pixel",
    "amp-analytics": "tracking pixel",
    "script": "script",
    "noscript": "fallback block",
    "a": "link",
    "link": "page link tag",
    "meta": "meta tag",
    "iframe": "embedded frame",
    "amp-iframe": "embedded frame",
    "video": "video",
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "blockquote": "quotation",
    "time": "date",
    "address": "byline",
    "span": "element",
    "div": "element",
    "section": "section",
    "aside": "sidebar",
    "footer": "footer",
    "header": "header",
}

_SIMPLE_SELECTOR = on_first_use(r"^(?P<tag>[A-Za-z][A-Za-z0-9-]*|\*)?(?P<rest>(?:[.#][A-Za-z0-9_-]+|\[[^\]]*\])*)$")
_CLASS_OR_ID = on_first_use(r"([.#])([A-Za-z0-9_-]+)")


def describe_selector(css: str) -> str:
    """A CSS selector as a noun phrase: `img, amp-img` → "image"; `p.byline` → 'paragraph with
    class "byline"'; anything with combinators or pseudo-classes → "element the rule describes"."""
    phrases: list[str] = []
    # Lazily: importing any of compliance.document loads the whole document model, which pack
    # building (`describe_pattern`) does not need.
    from compliance.document.selector_lists import group_members

    for part in group_members(css) or ("",):
        match = _SIMPLE_SELECTOR().match(part)
        if not part or match is None:
            phrases.append("element the rule describes by a selector")
            continue
        tag = (match.group("tag") or "*").lower()
        noun = _ELEMENT_NOUNS.get(tag, "element" if tag == "*" else f"{tag} element")
        marks = [f'{"class" if sign == "." else "id"} "{name}"' for sign, name in _CLASS_OR_ID().findall(match.group("rest"))]
        if "[" in match.group("rest"):
            marks.append("the attributes the rule names")
        phrase = noun + (" with " + " and ".join(marks) if marks else "")
        if phrase not in phrases:
            phrases.append(phrase)
    return _join(phrases, "or")


# Regex spellings that have a plain reading, applied in order.
_PLAIN = (
    (re.compile(r"\(\?[a-zA-Z]+\)"), ""),  # inline flags
    # White space a name may go without between two letters ("Cal\\s*Matters") reads as the name
    # written in one word, as its owner writes it: "CalMatters", not "Cal Matters".
    (re.compile(r"(?<![\\][A-Za-z0-9])(?<=[A-Za-z0-9])\\s\*(?=[A-Za-z0-9])"), ""),
    (re.compile(r"\\[sS][+*]?"), " "),
    (re.compile(r"\\[bBAZ]"), ""),
    (re.compile(r"\(\?:"), "("),
    (re.compile(r"\(\?P?<[A-Za-z_][A-Za-z0-9_]*>"), "("),  # named groups read like plain ones
    (re.compile(r"\.[*+](\?)?|\.\{\d*,?\d*\}\??|\[\^[^\]]*\][*+](\?)?|\[\^[^\]]*\]\{\d*,?\d*\}\??"), "…"),
    (re.compile(r"\[([^\]\\^-])[^\]]*\]"), r"\1"),  # a character class reads as its first choice
    (re.compile(r"\\([^A-Za-z0-9])"), r"\1"),
)
_OPTIONAL_GROUP = re.compile(r"\([^()]*\)[?*]")
_OPTIONAL_CHAR = re.compile(r"(?<=[A-Za-z0-9])\?")
_INNER_GROUP = re.compile(r"\(([^()]*)\)")
# An optional `www.` before a host written out (`(?:www\.)?propublica\.org`).
_OPTIONAL_WWW = re.compile(r"\(\?:www\\\.\)\?(?=(?P<host>[A-Za-z0-9-]+(?:\\\.[A-Za-z0-9-]+)+))")
_LEFTOVER = re.compile(r"[\\\[\]{}()*+?|^$]")


def describe_pattern(source: str, site: str = "") -> str:
    """A regex as the text it looks for, quoted: `'This\\s+story was (originally )?published'` →
    '"This story was published"'; alternatives joined with "or". Returns "" when the regex has no
    plain reading (the caller then says "text the rule describes by a pattern").

    An optional group is left out, but for an optional `www.` before the host `site` names without
    it (`site` the host of the pack's `terms_url`, "www.propublica.org"): the address is then
    shown as the publisher writes it, as the rule's help and fix do ("https://www.propublica.org/
    article/", not "https://propublica.org/article/")."""
    readings: list[str] = []
    for alternative in _alternative_readings(source, site):
        if alternative is None:
            return ""
        reading = f'"{alternative}"'
        if reading not in readings:
            readings.append(reading)
    return _SENTINEL.sub(lambda m: "{{meta." + m.group(1) + "}}", _join(readings, "or"))


def plain_alternatives(source: str) -> list[str]:
    """Those of a regex's alternatives that read as plain text, unquoted, in order: ["Daily Caller
    News Foundation"] of `'^\\s*(?:the\\s+)?Daily\\s+Caller\\s+News\\s+Foundation\\s*$|…'`,
    where `describe_pattern` reads none because another alternative has no plain reading. Text an
    editor could write, for a caller to try against the pattern: a reading that stands for more
    than it says ("logo…", of `logo.*`) is none."""
    readings = [
        _SENTINEL.sub(lambda m: "{{meta." + m.group(1) + "}}", alternative)
        for alternative in _alternative_readings(source)
        if alternative and "…" not in alternative
    ]
    return list(dict.fromkeys(readings))


def _alternative_readings(source: str, site: str = "") -> list[str | None]:
    """Each top-level alternative of a regex read as plain text (`describe_pattern`'s way), None
    for one with no plain reading."""
    # Article metadata stays a placeholder, filled in when the pattern is bound to an article.
    text = _META_REF.sub(lambda m: f"\x00{m.group(1)}\x00", source.strip())
    if site.startswith("www."):
        text = _OPTIONAL_WWW.sub(lambda m: "www\\." if m.group("host").replace("\\.", ".").lower() == site[4:] else m.group(0), text)
    if text.startswith("^"):
        text = text[1:]
    if text.endswith("$") and not text.endswith("\\$"):
        text = text[:-1]
    for spelling, plain in _PLAIN:
        text = spelling.sub(plain, text)
    for _ in range(4):
        text = _OPTIONAL_GROUP.sub("", text)
    text = _OPTIONAL_CHAR.sub("", text)
    readings: list[str | None] = []
    for alternative in _split_top_level(text):
        # A group with choices inside a phrase reads as its first choice ("This (story|commentary)
        # was …" → "This story was …"); the phrase still says what an editor should look for.
        for _ in range(4):
            alternative = _INNER_GROUP.sub(lambda m: m.group(1).split("|")[0], alternative)
        alternative = " ".join(alternative.replace("^", " ").replace("$", " ").split())
        readable = bool(alternative) and not _LEFTOVER.search(alternative) and re.search(r"[A-Za-z0-9]", alternative) is not None
        readings.append(alternative if readable else None)
    return readings


_META_REF = re.compile(r"\{\{\s*meta\.([A-Za-z0-9_-]+)\s*\}\}")
_SENTINEL = re.compile("\x00([A-Za-z0-9_-]+)\x00")


def _split_top_level(text: str) -> list[str]:
    """Split on `|` outside groups, after unwrapping a group around the whole pattern."""
    while text.startswith("(") and text.endswith(")") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1]
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _closing(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def pattern_phrase(label: str, source: str) -> str:
    """What a pattern looks for: its label, else its plain reading, else a neutral phrase."""
    if label:
        return label
    reading = describe_pattern(source)
    return reading or "text the rule describes by a pattern"


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


__all__ = ["describe_pattern", "describe_selector", "pattern_phrase"]
