"""Pages nested deeper than a browser builds: the markup rewritten so that libxml2 reads what a
browser shows.

libxml2 stops parsing at 2,048 open elements and drops the rest of the page, so a republication
that opens a few thousand `<div>`s before the licence paragraph would be checked without it (no
pack applies, exit 0). Browsers do not stop: Chromium's tree builder attaches every node opened
below depth 512 to the element at that depth instead (`kMaximumHTMLParserDOMTreeDepth` in
`html_construction_site.cc`), so the deep elements become empty siblings and their text and
children show at the cap, whatever the deep elements' own styles say.

`flatten_deep_nesting` gives libxml2 the same tree: from the cap down, each start tag is closed at
once (`<div class=x></div>`) and its own end tag is dropped, so its content lands in the element at
the cap. Open elements are counted from the tags as written; elements that HTML closes without an
end tag (`<p><p>`) are counted too, which can only bring the cap sooner on a page that already
opens hundreds of elements. Line breaks are kept, so the positions of findings hold.
"""

from __future__ import annotations

import re

# Chromium's kMaximumHTMLParserDOMTreeDepth.
BROWSER_DEPTH_LIMIT = 512

# Elements with no end tag (the HTML standard's void elements, and the obsolete ones it parses alike).
_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


# Elements whose content is raw text, not markup: left whole, and their content skipped.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})

# The tokens that matter here, as the HTML standard's tokenizer reads them: comments and other
# markup declarations (skipped), and start and end tags, whose attribute values may hold ">".
_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([A-Za-z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)


def flatten_deep_nesting(source: str, limit: int = BROWSER_DEPTH_LIMIT) -> str:
    """The page's markup with every element opened below depth `limit` closed at once and its end
    tag removed, as a browser attaches such elements (see the module docstring). Returns `source`
    itself when nothing is that deep; never raises on malformed markup."""
    pieces: list[str] = []
    kept_from = 0
    open_elements: list[tuple[str, bool]] = []  # (tag, closed at once because it was past the cap)
    position = 0
    while (token := _TOKEN.search(source, position)) is not None:
        position = token.end()
        name = token.group(2)
        if name is None:
            continue  # a comment or declaration
        tag = name.lower()
        if not token.group(1):
            if tag in _VOID:
                continue
            # Raw text (a script, a style) is never shown: closing it at once would show it.
            past_cap = len(open_elements) >= limit and tag not in _RAW_TEXT
            if past_cap:
                pieces.append(source[kept_from:position])
                pieces.append(f"</{tag}>")
                kept_from = position
            open_elements.append((tag, past_cap))
            if tag in _RAW_TEXT:
                end = re.compile(rf"</{re.escape(tag)}[\t\n\f\r />]", re.IGNORECASE).search(source, position)
                position = len(source) if end is None else end.start()
            continue
        if open_elements and open_elements[-1][0] == tag:
            closed_at_once = open_elements.pop()[1]
        else:
            # An end tag of an element further up closes the ones inside it; a stray one is ignored.
            index = next((i for i in range(len(open_elements) - 1, -1, -1) if open_elements[i][0] == tag), None)
            if index is None:
                continue
            closed_at_once = open_elements[index][1]
            del open_elements[index:]
        if closed_at_once:
            pieces.append(source[kept_from : token.start()])
            kept_from = position
    if not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)
