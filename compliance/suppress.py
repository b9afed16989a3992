"""Inline suppressions: an editor's documented decision that a finding does not apply here.

    <!-- syndcheck-disable common/wire-photo -- licensed from Getty for this story -->
    <!-- syndcheck-disable-next dcnf/logo -- logo is in the print edition's masthead -->

`disable` applies to the whole document, `disable-next` to findings on the next non-blank line.
Only a comment counts, as the article's parser reads one (`Document.comments`): text that merely
looks like one (an image's alt text, a `<script>` or `<textarea>`, a Markdown code span, the
middle of a line of a text article) is whoever wrote the article's text, not an editor's decision.
Several rules may be listed, separated by commas. A reason after `--` (or an en or em dash) is required: a suppression
without one is not applied and is itself reported; one that suppresses nothing is reported as
unused, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from compliance.document.positions import SourceComment
from compliance.errors import nearest
from compliance.findings import SUPPRESSION_RULES, Finding, Location, Severity, Suppressed
from compliance.firstuse import on_first_use
from compliance.text import counted

_DIRECTIVE = on_first_use(r"\A\s*syndcheck-(disable-next|disable)\s+(.*)\Z", re.DOTALL)
_REASON_DASH = on_first_use("--|[\u2013\u2014]")
UNUSED_RULE, NO_REASON_RULE, UNKNOWN_RULE = META_RULES = SUPPRESSION_RULES


class Suppression(NamedTuple):
    """One suppression comment."""

    rules: tuple[str, ...]
    reason: str
    location: Location
    next_line: int | None  # None: the whole document


def find_suppressions(comments: Iterable[SourceComment], source: str) -> list[Suppression]:
    """The suppressions among a document's comments (`Document.comments`), each with the line it
    governs (`disable-next`: the first non-blank line of `source` after the comment's; `source`
    with its lines ending in line feeds, `Document.lines_source`)."""
    found = []
    lines: list[str] | None = None
    for comment in comments:
        match = _DIRECTIVE().match(comment.text)
        if match is None:
            continue
        rules_part, reason = _split_reason(match.group(2).strip())
        rules = tuple(r.strip() for r in rules_part.replace(",", " ").split() if r.strip())
        next_line = None
        if match.group(1) == "disable-next":
            lines = source.split("\n") if lines is None else lines
            next_line = next((number for number in range(comment.end_line + 1, len(lines) + 1) if lines[number - 1].strip()), comment.end_line + 1)
        found.append(Suppression(rules, reason.strip(), comment.location, next_line))
    return found


def _split_reason(text: str) -> tuple[str, str]:
    """The rule ids and the reason of `dcnf/logo -- why`. An en or em dash separates them too: a
    CMS's "smart punctuation" turns a typed `--` into one, and no rule id holds either."""
    parts = _REASON_DASH().split(text, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, "")


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
            message, hint = _not_a_rule_id(rule, known or ())
            kept.append(Finding(UNKNOWN_RULE, Severity.ERROR, message, hint, suppression.location, None, "syndcheck"))
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


def _not_a_rule_id(name: str, known: Collection[str]) -> tuple[str, str]:
    """The message and hint of a suppression that names `name`, which is no rule id there is: a
    misspelt rule id is unknown ("did you mean"); a glob, a pack id or `ALL` is said to be one,
    with the rules it matches or that it matches none. `--ignore` takes globs and packs; a
    suppression is an editor's decision about particular rules, and names each one."""
    from compliance.selection import ALL, matches, specificity

    kind = specificity(name)
    if kind == 3:
        return f"Suppression names unknown rule '{name}'.", _did_you_mean(name, known) + " 'syndcheck rules list' shows the rule ids."
    matched = sorted(rule for rule in known if matches(name, rule))
    if not matched:
        # A name without a slash that is no pack's is no more a pack than a rule.
        what = f"the glob '{name}'" if kind == 2 else f"'{name}'"
        close = "" if kind == 2 else _did_you_mean(name, {rule.split("/", 1)[0] for rule in known}) + " "
        return f"Suppression names {what}, which matches no rule.", f"{close}{_ONE_BY_ONE} 'syndcheck rules list' shows them."
    what = "ALL" if name == ALL else f"the {'glob' if kind == 2 else 'pack'} '{name}'"
    listed = ", ".join(matched[:4]) + (f" and {len(matched) - 4} more" if len(matched) > 4 else "")
    count = counted(len(matched), "rule")
    return f"Suppression names {what}, not a rule id: it matches {count} and suppresses none of them.", f"{_ONE_BY_ONE} '{name}' matches {listed}."


_ONE_BY_ONE = "A suppression names each rule it covers by its id, separated by commas: <!-- syndcheck-disable dcnf/logo, dcnf/affiliation -- why -->."


def _did_you_mean(rule: str, known: Collection[str]) -> str:
    close = nearest(rule, sorted(known))
    return f"Did you mean '{close}'?" if close else "Check the rule id."
