"""Rule tests for pack authors: fixture articles annotated with the findings they must produce.

HTML and Markdown fixtures carry their expectations in comments::

    <!-- syndcheck-test: packs=dcnf -->          which packs to apply (default: auto-detection)
    <!-- syndcheck-test: meta.reporter="Ana Ruiz" -->   article metadata for the check
    <!-- expect: dcnf/logo -->                   a finding of this rule, anywhere
    <!-- expect-line: dcnf/byline -->            a finding of this rule on the next line

A fixture that is another fixture with one change says so instead of copying it::

    <!-- syndcheck-test: from=compliant.html packs=dcnf -->   the article is compliant.html (beside it) ...
    <!-- change: <p>Paragraph.</p> => -->                  ... with this text replaced (here: removed)
    <!-- expect: dcnf/fidelity -->

Its expectations are its own (the base's comments are only text); each changed text must occur
exactly once in the base.

Text fixtures use a sidecar file `NAME.txt.expect` with one expectation per line: `packs: dcnf`,
`meta.reporter: Ana Ruiz`, `dcnf/logo`, or `dcnf/byline:12` (a finding on line 12). A fixture without expectations must
produce no findings. Every mismatch is reported: an expected finding that is missing, a
finding that was not expected, and an expectation naming a rule that no pack has.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from compliance.errors import closest
from compliance.findings import Report
from compliance.text import shorten

_DIRECTIVE = re.compile(r"<!--\s*syndcheck-test:(.*?)-->", re.DOTALL)
_CHANGE = re.compile(r"<!--\s*change:(.*?)-->", re.DOTALL)
_CHANGE_ARROW = " => "
_EXPECT = re.compile(r"<!--\s*expect(-line)?:\s*([a-z0-9\-]+/[a-z0-9\-]+)\s*-->")
# Any comment that opens with the word expect or expect-line, in any case: one that `_EXPECT`
# cannot read is an error, never a comment passed over (the run would then blame the finding).
_EXPECT_LIKE = re.compile(r"<!--\s*expect(?:-line)?(?![\w-]).*?-->", re.IGNORECASE | re.DOTALL)
_EXPECT_FORM = "write <!-- expect: RULE-ID --> or <!-- expect-line: RULE-ID -->, one rule a comment"
_SIDECAR_LINE = re.compile(r"^\s*(?:(packs)\s*:\s*([\w\-, ]+)|([a-z0-9\-]+/[a-z0-9\-]+)(?:\s*:\s*(\d+))?)\s*(?:#.*)?$")
_SIDECAR_META = re.compile(r"^\s*meta\.([A-Za-z0-9_-]+)\s*:\s*(.*?)\s*$")


class FixtureError(ValueError):
    """A fixture's comment that cannot be read; `line` is its 1-based line in the fixture."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Expectations:
    """What a fixture says its check must report."""

    anywhere: tuple[str, ...] = ()
    on_lines: tuple[tuple[str, int], ...] = ()
    packs: tuple[str, ...] | None = None
    meta: tuple[tuple[str, str], ...] = ()
    # A fixture derived from another: the base fixture's path (relative to this one) and the
    # (old, new) texts replaced in it, in order.
    base: str | None = None
    changes: tuple[tuple[str, str], ...] = ()
    # Where `packs` is written (file, line): the fixture itself for a comment, its `.expect`
    # sidecar for a text fixture; for an error about a pack it names.
    packs_at: tuple[str | None, int] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One difference between a fixture's expectations and the report."""

    path: str
    kind: str  # "missing" or "unexpected"
    rule: str
    line: int | None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.kind.startswith("unknown"):
            return f"{where}: expects unknown rule '{self.rule}'{self.kind.removeprefix('unknown')}"
        if self.kind == "missing":
            return f"{where}: expected a finding of {self.rule}, got none"
        return f"{where}: unexpected finding of {self.rule}"


def expectations_in_markup(text: str) -> Expectations:
    """Expectations written as HTML comments in an HTML or Markdown fixture."""
    anywhere: list[str] = []
    on_lines: list[tuple[str, int]] = []
    for like in _EXPECT_LIKE.finditer(text):
        if not _EXPECT.fullmatch(like.group()):
            raise FixtureError(_unreadable_expect(like.group()), text.count("\n", 0, like.start()) + 1)
    for match in _EXPECT.finditer(text):
        if match.group(1):
            on_lines.append((match.group(2), text.count("\n", 0, match.start()) + 2))
        else:
            anywhere.append(match.group(2))
    packs: tuple[str, ...] | None = None
    meta: list[tuple[str, str]] = []
    base: str | None = None
    packs_at: tuple[str | None, int] | None = None
    for directive in _DIRECTIVE.finditer(text):
        for token in shlex.split(directive.group(1)):
            key, _, value = token.partition("=")
            if key == "packs":
                packs = tuple(p.strip() for p in value.split(",") if p.strip())
                packs_at = (None, text.count("\n", 0, directive.start()) + 1)
            elif key.startswith("meta."):
                meta.append((key[5:], value))
            elif key == "from" and value:
                base = value
            else:
                line = text.count("\n", 0, directive.start()) + 1
                near = closest(key, ("packs", "from"))
                raise FixtureError(
                    f"unknown syndcheck-test setting '{key}'{f' ({near})' if near else ''} (use packs=ID,..., meta.KEY=VALUE or from=FIXTURE)", line
                )
    changes = tuple(_change(match.group(1), text.count("\n", 0, match.start()) + 1) for match in _CHANGE.finditer(text))
    if changes and base is None:
        raise ValueError("a '<!-- change: ... -->' needs the fixture it changes: <!-- syndcheck-test: from=FIXTURE -->")
    if base is not None and on_lines:
        raise ValueError("a fixture derived with from= cannot use expect-line (its lines are the base's); use expect")
    return Expectations(tuple(anywhere), tuple(on_lines), packs, tuple(meta), base, changes, packs_at)


def _unreadable_expect(comment: str) -> str:
    """Why an expect comment cannot be read, with the form that can; `comment` is `<!-- … -->`."""
    return f"cannot read this expect comment: '{shorten(comment, 80)}', {_EXPECT_FORM}"


def _change(body: str, line: int) -> tuple[str, str]:
    old, arrow, new = body.partition(_CHANGE_ARROW)
    if not arrow:
        # "OLD =>" with nothing after the arrow (a removal) has no space after it.
        old, arrow, new = body.rstrip().partition(_CHANGE_ARROW.rstrip())
    if not arrow or not old.strip():
        raise ValueError(f"line {line}: a change is written '<!-- change: OLD => NEW -->' (NEW may be empty)")
    return old.strip(), new.strip()


def derive(base: str, changes: Sequence[tuple[str, str]], *, base_name: str) -> str:
    """The base fixture's text with each (old, new) change made; a `ValueError` names a change whose
    old text is not in the base exactly once."""
    text = base
    for old, new in changes:
        found = text.count(old)
        if found != 1:
            shown = shorten(old, 60)
            raise ValueError(f"the changed text '{shown}' is in {base_name} {found} times, not once")
        text = text.replace(old, new)
    return text


def expectations_in_sidecar(text: str, origin: str) -> Expectations:
    """Expectations from a `.expect` sidecar file; raises ValueError naming a bad line."""
    anywhere: list[str] = []
    on_lines: list[tuple[str, int]] = []
    packs: tuple[str, ...] | None = None
    packs_at: tuple[str | None, int] | None = None
    meta: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        meta_match = _SIDECAR_META.match(line)
        if meta_match:
            meta.append((meta_match.group(1), meta_match.group(2)))
            continue
        match = _SIDECAR_LINE.match(line)
        if match is None:
            raise ValueError(f"{origin}:{number}: expected 'packs: ID, ...', 'pack/rule' or 'pack/rule:LINE', got '{line.strip()}'")
        if match.group(1):
            packs = tuple(p.strip() for p in match.group(2).split(",") if p.strip())
            packs_at = (origin, number)
        elif match.group(4):
            on_lines.append((match.group(3), int(match.group(4))))
        else:
            anywhere.append(match.group(3))
    return Expectations(tuple(anywhere), tuple(on_lines), packs, tuple(meta), packs_at=packs_at)


def compare(report: Report, expected: Expectations) -> list[Mismatch]:
    """Every missing expected finding and every unexpected finding."""
    mismatches: list[Mismatch] = []
    remaining = list(report.findings)
    for rule, line in expected.on_lines:
        found = next((f for f in remaining if f.rule == rule and f.location.line == line), None)
        if found is None:
            mismatches.append(Mismatch(report.path, "missing", rule, line))
        else:
            remaining.remove(found)
    wanted = Counter(expected.anywhere)
    for rule in list(wanted):
        matching = [f for f in remaining if f.rule == rule]
        if not matching:
            mismatches.append(Mismatch(report.path, "missing", rule, None))
        for finding in matching:
            remaining.remove(finding)
    mismatches.extend(Mismatch(report.path, "unexpected", f.rule, f.location.line) for f in remaining)
    return mismatches


def mismatches(path: str, report: Report, expected: Expectations, known: Sequence[str]) -> list[Mismatch]:
    """Every mismatch of a fixture's report with its expectations: each expectation naming a rule
    no loaded pack has (`known`: every rule id), then `compare`'s against the other expectations.
    A typo in an expectation hides nothing: the finding the article really produced is reported
    as unexpected, and the unknown rule is not also reported missing."""
    unknown = unknown_rules(path, expected, known)
    named = {m.rule for m in unknown}
    rest = replace(expected, anywhere=tuple(r for r in expected.anywhere if r not in named), on_lines=tuple(e for e in expected.on_lines if e[0] not in named))
    return unknown + compare(report, rest)


def coverage_gaps(results: Sequence[Report], rule_ids: Sequence[str]) -> list[str]:
    """Rules that no fixture shows passing, or no fixture shows failing."""
    passing = {p.rule for r in results for p in r.passed}
    failing = {f.rule for r in results for f in r.findings}
    gaps = []
    for rule in rule_ids:
        if rule not in passing:
            gaps.append(f"{rule}: no fixture where it passes")
        if rule not in failing:
            gaps.append(f"{rule}: no fixture where it fails")
    return gaps


def unknown_rules(path: str, expected: Expectations, known: Sequence[str]) -> list[Mismatch]:
    """An expectation naming a rule no loaded pack has (a typo would otherwise read "got none")."""
    mismatches = []
    for rule, line in [*((r, None) for r in expected.anywhere), *expected.on_lines]:
        if rule in known:
            continue
        hint = " — " + (closest(rule, known) or "'syndcheck rules list' shows the rule ids")
        mismatches.append(Mismatch(path, "unknown" + hint, rule, line))
    return mismatches
