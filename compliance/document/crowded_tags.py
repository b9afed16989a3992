"""Start tags with so many attributes that libxml2 cannot parse them in reasonable time.

libxml2 compares each attribute of a start tag with every one before it, so one element with
100,000 attributes (a 1 MB hostile page) takes minutes to parse, and lxml hands them over in
time that grows the same way. No page a newsroom publishes comes near `MAX_ATTRIBUTES` on one
element; a page that does is refused before it is parsed (see docs/performance.md, "Limits on
hostile pages")."""

from __future__ import annotations

import re

# Attributes one start tag may have. A tag at the limit parses in a few milliseconds; the
# parse of one grows with the square of its attributes past it.
MAX_ATTRIBUTES = 1000

# The HTML tokenizer's own reading of a start tag (WHATWG "13.2.5 Tokenization", which libxml2
# 2.14 follows): white space and `/` between attributes; a name runs to white space, `/`, `>`
# or `=` (its first character may be `=`, a quote or `<`); a value is quoted (a `>` inside does
# not end the tag) or runs to white space or `>`; a quoted value may be followed by the next
# name at once (`a="1"b="2"` is two attributes). Possessive and atomic, so that no way of
# splitting a name or a value is tried twice: the search is linear in the page.
_SPACE = rb"\t\n\f\r "
_NAME = rb"[^" + _SPACE + rb"/>][^" + _SPACE + rb"/>=]*+"
_VALUE = rb"[" + _SPACE + rb"]*+=[" + _SPACE + rb"]*+(?>\"[^\"]*+\"|'[^']*+'|[^" + _SPACE + rb">]*+)"
_ATTRIBUTE = rb"(?>[" + _SPACE + rb"/]*+" + _NAME + rb"(?>" + _VALUE + rb")?+)"
_CROWDED_TAG = re.compile(rb"<[A-Za-z][^" + _SPACE + rb"/>]*+" + _ATTRIBUTE + rb"{%d}" % (MAX_ATTRIBUTES + 1))


# Two quick tests that every page with a crowded tag passes, so that the reading of each tag
# (above) is done only on the few pages that pass one: 1,001 attributes take at least 2,002
# bytes, so a crowded tag either runs that long with no `>`, or holds a `>` in a quoted value.
_LONG_TAG = re.compile(rb"<[A-Za-z][^>]{%d}" % (2 * MAX_ATTRIBUTES))
_QUOTED_GREATER_THAN = re.compile(rb"=[" + _SPACE + rb"]*+(?:\"[^\">]*+>|'[^'>]*+>)")
# Where a tag or a comment starts; a comment, and the text of an element the parser reads as raw
# text (a script's JSON often holds escaped markup, `<a href=\\"…\\"`), holds no tags at all.
_TAG_OR_COMMENT_START = re.compile(rb"<(?:!--|[A-Za-z])")
_TAG_NAME = re.compile(rb"<[A-Za-z][^" + _SPACE + rb"/>]*+")
_COMMENT_END = re.compile(rb"--!?>")
# Elements whose content the HTML parser reads as text, not markup (WHATWG 13.2.5: script data,
# RAWTEXT and RCDATA states), each with the end of its content.
_RAW_TEXT_NAMES = (b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes")
_RAW_TEXT_ENDS = {name: re.compile(rb"</" + name + rb"[" + _SPACE + rb"/>]", re.IGNORECASE) for name in _RAW_TEXT_NAMES}
# On a page with no quoted `>` (most pages the quick tests pass: a long run without `>` is
# usually a script's JSON), a crowded tag runs on for 2,000 bytes from its name's first letter
# without a `>`. What the reading below passes over then, read at once: text, a `<` that starts
# no tag or comment, and a tag that has a `>` within those 2,000 bytes and does not start raw
# text, up to its name's end (where the reading goes on).
_PASSED_OVER = re.compile(
    rb"(?:[^<]++|<(?![A-Za-z]|!--)|<(?!(?i:"
    + b"|".join(_RAW_TEXT_NAMES)
    + rb")(?:["
    + _SPACE
    + rb"/>]|\Z))[A-Za-z](?![^>]{%d})[^" % (2 * MAX_ATTRIBUTES)
    + _SPACE
    + rb"/>]*+)*+"
)


def crowded_tag(page: bytes) -> int | None:
    """The offset in `page` (UTF-8 bytes) of the first start tag with more than `MAX_ATTRIBUTES`
    attributes, or None. Tags are read as the parser reads them: not inside a comment, nor in the
    content of a script, a style or another element whose content is text (a script's JSON that
    holds escaped markup is no tag)."""
    quoted = _QUOTED_GREATER_THAN.search(page) is not None
    if not quoted and _LONG_TAG.search(page) is None:
        return None
    at = 0
    while (start := _TAG_OR_COMMENT_START.search(page, at if quoted else _passed_over(page, at))) is not None:
        if page.startswith(b"<!--", start.start()):
            # `<!-->` and `<!--->` end where they start, as the parser ends them.
            empty = next((len(ending) for ending in (b">", b"->") if page.startswith(ending, start.end())), 0)
            end = None if empty else _COMMENT_END.search(page, start.end())
            at = start.end() + empty if empty else end.end() if end is not None else len(page)
            continue
        if _CROWDED_TAG.match(page, start.start()) is not None:
            return start.start()
        # A `<` and a letter inside this tag's name starts a tag with the same attributes (the
        # rest of the name is its name): reading from each would take time that grows with the
        # square of the name's length (`<a<a<a…`).
        name = _TAG_NAME.match(page, start.start())
        at = name.end() if name is not None else start.end()
        raw_text_end = _RAW_TEXT_ENDS.get(page[start.start() + 1 : at].lower()) if name is not None else None
        if raw_text_end is not None:
            # The element's own start tag was read above; its content is text to its end tag.
            close = raw_text_end.search(page, at)
            at = close.start() if close is not None else len(page)
    return None


def _passed_over(page: bytes, at: int) -> int:
    """Where the reading goes on from `at` past what `_PASSED_OVER` passes over."""
    passed = _PASSED_OVER.match(page, at)
    return passed.end() if passed is not None else at
