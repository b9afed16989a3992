"""Rule packs: the validated, compiled value objects (`Pack`, `Rule`, `Marker`, `OwnSite`).

A pack is data. It is built from YAML by `compliance.packbuild` (validation with file:line and
"did you mean", compilation of regexes and CSS selectors), or read back from the pack cache; this
module holds only what a check needs, so that a check whose packs come from the cache imports
neither the YAML reader nor the builder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compliance.checks import Check
from compliance.firstuse import on_first_use

if TYPE_CHECKING:
    from compliance.findings import Severity
    from compliance.fixtemplates import FixTemplate
    from compliance.yamlsource import Mark, YNode

DEFAULT_THRESHOLD = 1.0

# `{placeholders}` in a rule's message and help: a name in braces, filled in with a finding's
# values by plain substitution (never str.format: no attributes, indexes, conversions or
# formats). A pack is refused when any pair of braces holds anything but a known name.
PLACEHOLDER = on_first_use(r"\{([A-Za-z_][A-Za-z0-9_]*|meta\.[A-Za-z0-9_-]+)\}")
BRACED = on_first_use(r"\{([^{}]*)\}")
# What ends a sentence at the end of a value filled in: the template's own full stop after it would
# print "..", "?." or "….".
_SENTENCE_ENDS = (".", "?", "!", "…")


def fill_placeholders(template: str, value_of: Callable[[str], str | None]) -> str:
    """`template` with each `{placeholder}` replaced by `value_of(name)`, or kept as written when
    that is None. A value that ends a sentence (".", "?", "!", "…") takes the place of a single
    full stop written right after the placeholder: "Published as: {evidence}." with evidence
    "Ends here." reads "Published as: Ends here.", not "here.."; an ellipsis written after it
    ("{evidence}...") is kept."""
    pieces = []
    position = 0
    for match in PLACEHOLDER().finditer(template):
        pieces.append(template[position : match.start()])
        value = value_of(match.group(1))
        pieces.append(match.group(0) if value is None else value)
        position = match.end()
        if value and value.endswith(_SENTENCE_ENDS) and template.startswith(".", position) and not template.startswith("..", position):
            position += 1
    pieces.append(template[position:])
    return "".join(pieces)


# The values every finding has (besides `{meta.KEY}` and what the rule's checks capture).
FINDING_VALUES = ("detail", "evidence", "rule")
# The value a rule's `instead-message` has besides: the wording found instead.
INSTEAD_VALUES = ("found",)


@dataclass(frozen=True, slots=True)
class Rule:
    """One requirement of a publisher's terms, as a check plus what to tell the editor."""

    id: str
    severity: Severity
    message: str
    help: str
    check: Check
    when: Check | None
    terms: str
    pack: str
    origin: str
    line: int
    # How to put right what the rule finds missing (pack data, see `compliance.fixes`).
    fix: FixTemplate | None = None
    # Where a finding of something missing points when the check names no place and no fix
    # says where it goes (`missing-at: end`: a pixel the terms put at the story's end), or None.
    missing_at: str | None = None
    # The message of a failure whose check quotes a wording the page has instead of the one it
    # asks for (a `text` check's `instead`: a credit line in other words), which `{found}` names;
    # None: `message` serves every failure.
    instead_message: str | None = None
    # A rule of a pack syndcheck ships (`rules/`), which an editor does not edit: a pattern of it
    # that runs out of time on a page says what is odd on the page, not "simplify the pattern".
    built_in: bool = False

    @property
    def name(self) -> str:
        """The rule id without its pack prefix."""
        return self.id.split("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Marker:
    """A detection marker: a check whose passing is evidence that the pack applies."""

    id: str
    weight: float
    check: Check
    # What the marker is, in words ("DCNF's license paragraph"), for --explain-detection.
    label: str = ""


@dataclass(frozen=True, slots=True)
class OwnSite:
    """Where a publisher prints its own originals: host names (its own and its partner outlets',
    subdomains included) and the site names its pages give in `og:site_name`; and the ids of the
    pack's detection markers that only a republication shows (its credit line): a page that shows
    one is a copy, whatever its `og:url` or `og:site_name` say (markup copied whole)."""

    domains: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    republication_markers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.domains or self.names)


@dataclass(frozen=True, slots=True)
class Pack:
    """A validated, compiled rule pack."""

    id: str
    name: str
    publisher: str
    terms_url: str
    as_of: str
    summary: str
    confidence: str
    rules: tuple[Rule, ...]
    markers: tuple[Marker, ...]
    threshold: float
    origin: str
    extends: tuple[str, ...] = ()
    defines: tuple[tuple[str, str], ...] = ()
    own_site: OwnSite = OwnSite()
    # The publisher's outlet names as they appear in bylines ("ProPublica", "Global Voices"): the
    # byline reader never reads them as a person's name.
    outlets: tuple[str, ...] = ()
    # The ids of the loaded packs that extend this one: a pack without detection markers that
    # others extend is a base pack, never detected, and checked alone only when named.
    extended_by: tuple[str, ...] = ()
    # `file:line:col: warning: …` lines for the pack's author: valid, but probably not meant
    # (a URL pattern another host passes for); `syndcheck rules validate` prints them.
    warnings: tuple[str, ...] = ()
    # A pack syndcheck ships (`rules/`), not one a user gives (see `Rule.built_in`).
    built_in: bool = False


def pack_identity(root: YNode | None, origin: str) -> tuple[str, list[tuple[str, Mark]]]:
    """A pack's id and the packs it extends (with where each is named), before building it."""
    from compliance.packbuild import pack_identity as identify

    return identify(root, origin)


def build_packs(trees: Sequence[tuple[YNode | None, str]], *, trusted: frozenset[str] = frozenset()) -> list[Pack]:
    """Build several packs from their YAML trees (see `compliance.packbuild.build_packs`)."""
    from compliance.packbuild import build_packs as build

    return build(trees, trusted=trusted)


def load_pack(text: str, origin: str, *, parents: Mapping[str, Pack] | None = None) -> Pack:
    """Parse and validate a pack's YAML text (`origin` names the file in error messages)."""
    from compliance.packbuild import load_pack as load

    return load(text, origin, parents=parents)


def iter_checks(check: Check) -> list[Check]:
    """A check and all its sub-checks (for tooling such as timing and docs)."""
    found = [check]
    for child in check.children:
        found.extend(iter_checks(child))
    return found
