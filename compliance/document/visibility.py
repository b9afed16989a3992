"""What a reader can see: elements skipped outright (scripts, styles, form controls and the like)
and elements hidden by the `hidden` attribute, an inline `display:none`/`visibility:hidden` style,
`<input type=hidden>` or a visually-hidden helper class.

Only the page itself is read: stylesheets it links to are not fetched.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from compliance.document.elements import class_tokens

# Content a reader never sees: skipped entirely, images included.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "textarea",
        "button",
    }
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.IGNORECASE)
# Visually hidden helpers used by WordPress and CSS frameworks: screen-reader text is not what an
# editor sees on the page.
_HIDDEN_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "hidden", "d-none"})


@functools.lru_cache(maxsize=4096)
def _hides_by_class(value: str) -> bool:
    return bool(class_tokens(value) & _HIDDEN_CLASSES)


def is_hidden(element: Any, tag: str) -> bool:
    """True when the element itself (not counting its ancestors) is hidden from readers; `tag` is
    its lower-cased tag name."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if tag == "input" and (element.get("type") or "").lower() == "hidden":
        return True
    value = element.get("class")
    return _hides_by_class(value) if value else False
