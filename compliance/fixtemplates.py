"""A rule's `fix:` as pack data: where the block goes, in which syntaxes, and the values it needs.

Loaded with every pack (the pack cache holds these objects), so it stays small; planning and
applying fixes is `compliance.fixes`, imported only by the commands that fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from compliance.patterns import Pattern

if TYPE_CHECKING:
    from compliance.checks import Check
    from compliance.document import DocumentKind

Side = Literal["before", "after"]
SIDES: tuple[str, ...] = ("before", "after")
# Places a fix can name; any other `where` is a check whose first match is the place.
PLACES: tuple[str, ...] = ("byline", "headline", "body", "end")
SYNTAXES: tuple[str, ...] = ("html", "markdown", "text")
# Values every fix may use, and what to give when one is not known.
BUILT_IN_VALUES: dict[str, str] = {
    "reporter": "the reporter's name: give the original story (--original FILE) or --meta reporter=NAME",
    "original-url": "the original story's URL: give --meta original-url=URL, or an original whose canonical link names it",
    "headline": "the original headline: give the original story (--original FILE) or --meta headline=TEXT",
}
PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z0-9_.-]*)\}")


@dataclass(frozen=True, slots=True)
class ValueSource:
    """Where a fix's own value comes from, tried in this order: the `src` of the original's first
    image whose alt text matches `original_image`; the first group of `original_url` matched
    against the original's URL; the article metadata key `meta`."""

    name: str
    original_image: Pattern | None = None
    original_url: Pattern | None = None
    meta: str | None = None


@dataclass(frozen=True, slots=True)
class FixTemplate:
    """A rule's `fix:`: insert `templates[syntax]` `insert` (before/after) the place `where`."""

    insert: Side
    where: str | Check
    templates: tuple[tuple[str, str], ...]
    values: tuple[ValueSource, ...] = ()
    # The fix applies only where this check passes (an AMP page takes no custom script).
    when: Check | None = None

    def template_for(self, kind: DocumentKind) -> str | None:
        """The block in this document's syntax; a plain template is a paragraph in HTML."""
        return dict(self.templates).get(kind)

    @property
    def place(self) -> str:
        """Where the block goes, in words ("before the byline")."""
        return f"{self.insert} the {self.where if isinstance(self.where, str) else 'match of its check'}"
