"""Block boxes that are no height and cut off what overflows them, though no `height` says so:
one under size containment (`contain: size` or `strict`: CSS Containment 2, 3.2, sized as if it
were empty), and one whose lines are no height (`line-height: 0`, a box of text alone). With
`overflow: hidden` or `clip` on the block axis (and no padding, into which the text would spill)
nothing of what they hold is seen, as Chromium shows (a browser test checks).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from compliance.document.css import Declaration

# What gives such a box a height, or room its overflow shows in, whatever its content.
_SIZING = (
    "height",
    "min-height",
    "contain-intrinsic-size",
    "contain-intrinsic-height",
    "padding",
    "padding-top",
    "padding-bottom",
    "columns",
    "column-count",
    "column-width",
    "writing-mode",
    "display",
)


def contains_size(declaration: Declaration) -> bool:
    """True for a `contain` that sizes the box as if empty (`size`, `strict`)."""
    return any(t.type == "ident" and t.lower_value in ("size", "strict") for t in declaration.values)


def lines_of_no_height(declaration: Declaration) -> bool:
    """True for a `line-height` of zero (`0`, `0px`, `0%`, `0em`)."""
    values = declaration.values
    return len(values) == 1 and values[0].type in ("number", "dimension", "percentage") and values[0].value == 0


def no_height_and_clipped(declared: Mapping[str, Declaration], element: Any, block: bool, cuts_off_vertically: Callable[[], bool]) -> bool:
    """True for a block box (`block`: one by its tag, with no `display` of its own) that is no
    height and cuts off its vertical overflow (`cuts_off_vertically`): under size containment,
    or with lines of no height holding text alone (`element` has no child elements, whose own
    line height or size would give it some); nothing gives it a height or a padding."""
    contain = declared.get("contain")
    line_height = declared.get("line-height")
    shrinks = (contain is not None and contains_size(contain)) or (line_height is not None and lines_of_no_height(line_height) and len(element) == 0)
    if not shrinks or not block or any(name in declared for name in _SIZING):
        return False
    return cuts_off_vertically()
