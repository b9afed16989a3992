"""`--statistics`: how many findings each rule and each pack produced in a run, most first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from compliance.display import visible
from compliance.findings import Finding, Suppressed


class RuleCounts:
    """Findings counted per rule (with its severity) as reports stream past."""

    def __init__(self) -> None:
        self.by_rule: Counter[str] = Counter()
        self.severity: dict[str, str] = {}
        self.suppressed: Counter[str] = Counter()

    def add(self, findings: Iterable[Finding], suppressed: Iterable[Suppressed] = ()) -> None:
        """Count one report's findings, and those a `syndcheck-disable` comment suppressed."""
        for finding in findings:
            self.by_rule[finding.rule] += 1
            self.severity.setdefault(finding.rule, finding.severity.label)
        for item in suppressed:
            if item.kind == "inSource":
                self.suppressed[item.finding.rule] += 1


def format_statistics(counts: RuleCounts) -> str:
    """A table of counts per rule, then per pack (the part of the rule id before `/`), then the
    findings suppressed in the articles per rule. Rule ids come from packs: shown safely."""
    suppressed = []
    if counts.suppressed:
        digits = len(str(max(counts.suppressed.values())))
        suppressed = ["suppressed in the articles (syndcheck-disable) by rule:"]
        suppressed += [f"  {count:>{digits}}  {visible(rule)}" for rule, count in sorted(counts.suppressed.items(), key=lambda i: (-i[1], i[0]))]
    if not counts.by_rule:
        return "no findings\n" + "".join(line + "\n" for line in suppressed)
    by_pack: Counter[str] = Counter()
    for rule, count in counts.by_rule.items():
        by_pack[rule.split("/", 1)[0]] += count
    width = max(len(rule) for rule in counts.by_rule)
    digits = len(str(max(counts.by_rule.values())))
    lines = ["findings by rule:"]
    lines += [f"  {count:>{digits}}  {rule:<{width}}  {counts.severity[rule]}" for rule, count in sorted(counts.by_rule.items(), key=lambda i: (-i[1], i[0]))]
    lines.append("findings by pack:")
    lines += [f"  {count:>{digits}}  {pack}" for pack, count in sorted(by_pack.items(), key=lambda i: (-i[1], i[0]))]
    return "\n".join(lines + suppressed) + "\n"
