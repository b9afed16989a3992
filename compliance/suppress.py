"""Inline suppressions: an editor's documented decision that a finding does not apply here.

    <!-- syndcheck-disable common/wire-photo -- licensed from Getty for this story -->
    <!-- syndcheck-disable-next dcnf/logo -- logo is in the print edition's masthead -->

`disable` applies to the whole document, `disable-next` to findings on the next non-blank line.
Several rules may be listed, separated by commas. A reason after `--` is required: a suppression
without one is not applied and is itself reported; one that suppresses nothing is reported as
unused, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from compliance.errors import nearest
from compliance.findings import Finding, Location, Severity, Suppressed

_COMMENT = re.compile(r"<!--\s*syndcheck-(disable-next|disable)\s+(.*?)-->", re.DOTALL)
UNUSED_RULE = "syndcheck/unused-suppression"
NO_REASON_RULE = "syndcheck/suppression-without-reason"
UNKNOWN_RULE = "syndcheck/unknown-rule-in-suppression"
META_RULES = (UNUSED_RULE, NO_REASON_RULE, UNKNOWN_RULE)


class Suppression(NamedTuple):
    """One suppression comment."""

    rules: tuple[str, ...]
    reason: str
    location: Location
    next_line: int | None  # None: the whole document


def find_suppressions(source: str) -> list[Suppression]:
    """Every suppression comment in a document's source, with the line it governs."""
    found = []
    for match in _COMMENT.finditer(source):
        body = match.group(2).strip()
        rules_part, _, reason = body.partition("--")
        rules = tuple(r.strip() for r in rules_part.replace(",", " ").split() if r.strip())
        line = source.count("\n", 0, match.start()) + 1
        column = match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1
        next_line = None
        if match.group(1) == "disable-next":
            next_line = source.count("\n", 0, match.end()) + 2
            rest = source[match.end() :].split("\n")[1:]
            for offset, text in enumerate(rest):
                if text.strip():
                    next_line = source.count("\n", 0, match.end()) + 2 + offset
                    break
        found.append(Suppression(rules, reason.strip(), Location(line, column), next_line))
    return found


def apply_suppressions(
    findings: list[Finding], suppressions: list[Suppression], *, known: Collection[str] | None = None, inactive: Collection[str] = ()
) -> tuple[list[Finding], list[Suppressed]]:
    """Findings that remain (plus findings about suppressions without a reason, without use or
    naming an unknown rule), and the findings suppressed with the reason given.

    `known` are the rule ids that exist (None: do not check); a suppression of a rule that was
    turned off (`inactive`, e.g. by `--ignore`) is not reported as unused.
    """
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    used: set[int] = set()
    valid = [(i, s) for i, s in enumerate(suppressions) if s.reason and s.rules]
    for finding in findings:
        match = next(
            (i for i, s in valid if finding.rule in s.rules and (s.next_line is None or s.next_line == finding.location.line)),
            None,
        )
        if match is None:
            kept.append(finding)
        else:
            used.add(match)
            suppressed.append(Suppressed(finding, "inSource", suppressions[match].reason))
    for index, suppression in enumerate(suppressions):
        listed = ", ".join(suppression.rules) or "(no rule)"
        unknown = [rule for rule in suppression.rules if known is not None and rule not in known and rule not in META_RULES]
        for rule in unknown:
            kept.append(
                Finding(
                    UNKNOWN_RULE,
                    Severity.ERROR,
                    f"Suppression names unknown rule '{rule}'.",
                    _did_you_mean(rule, known or ()) + " 'syndcheck rules list' shows the rule ids.",
                    suppression.location,
                    None,
                    "syndcheck",
                )
            )
        if not suppression.reason or not suppression.rules:
            kept.append(
                Finding(
                    NO_REASON_RULE,
                    Severity.WARNING,
                    f"Suppression of {listed} has no reason and was not applied.",
                    "Write why the finding does not apply after '--', e.g. <!-- syndcheck-disable common/wire-photo -- licensed from Getty -->.",
                    suppression.location,
                    None,
                    "syndcheck",
                )
            )
        elif index not in used and not unknown and not any(rule in inactive for rule in suppression.rules):
            kept.append(
                Finding(
                    UNUSED_RULE,
                    Severity.WARNING,
                    f"Suppression of {listed} is unused: nothing it names was found {'here' if suppression.next_line else 'in the document'}.",
                    "Remove the suppression comment (or fix the rule id it names).",
                    suppression.location,
                    None,
                    "syndcheck",
                )
            )
    return kept, suppressed


def _did_you_mean(rule: str, known: Collection[str]) -> str:
    close = nearest(rule, sorted(known))
    return f"Did you mean '{close}'?" if close else "Check the rule id."
