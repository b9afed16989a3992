"""What the pipeline formats (SARIF, JUnit, GitHub, GitLab) share: display paths, stable fingerprints,
rule texts with placeholders made generic, the rules applied to a file, and why a file has no results."""

from __future__ import annotations

import re

from compliance.findings import Notice, Report
from compliance.fingerprint import FINGERPRINT_KEY, display_path, fingerprints
from compliance.formatters.context import FormatContext
from compliance.packs import PLACEHOLDER, Rule

__all__ = ["FINGERPRINT_KEY", "applied_rules", "display_path", "file_notices", "fingerprints", "generic_text"]

# A placeholder of rule messages (`packs.PLACEHOLDER`) in brackets: `(… {detail})` is dropped.
_BRACKETED_PLACEHOLDER = re.compile(r"\s*\(" + PLACEHOLDER().pattern + r"\)")


def generic_text(template: str) -> str:
    """A rule message or help without a finding's values: `(… {detail})` dropped, other placeholders as `…`."""
    return PLACEHOLDER().sub("…", _BRACKETED_PLACEHOLDER.sub("", template))


def applied_rules(report: Report, context: FormatContext) -> list[Rule]:
    """The rules of the packs applied to a report, each id once, in pack then rule order."""
    seen: set[str] = set()
    rules = []
    for pack_id in report.packs:
        pack = context.pack(pack_id)
        for rule in pack.rules if pack is not None else ():
            if rule.id not in seen:
                seen.add(rule.id)
                rules.append(rule)
    return rules


def file_notices(report: Report) -> tuple[Notice, ...]:
    """The notices of a report, with one made up when a report was not checked or had no pack but says nothing why."""
    if report.notices:
        return report.notices
    if not report.checked:
        return (Notice("not-checked", "not checked"),)
    if not report.packs:
        return (Notice("no-pack", "no rule pack applies to this document"),)
    return ()
