"""What `syndcheck fix` prints: a unified diff of each file's fix, and one line per fix applied,
per fix not applied (with the value to supply) and per finding no fix covers. Pure functions."""

from __future__ import annotations

import difflib

from compliance.display import visible
from compliance.findings import Severity
from compliance.fixes import FixPlan
from compliance.text import shorten


def format_fix_diff(path: str, plan: FixPlan) -> str:
    """The plan as a unified diff (`--- a/PATH`, `+++ b/PATH`), empty when nothing changes; every
    line is shown safely (page text may hold terminal escapes)."""
    if not plan.edits:
        return ""
    before = plan.text_before.splitlines(keepends=True)
    after = plan.text_after.splitlines(keepends=True)
    lines = []
    old, new = (path, path) if path.startswith("/") else (f"a/{path}", f"b/{path}")
    for line in difflib.unified_diff(before, after, fromfile=old, tofile=new):
        body = line.rstrip("\r\n")
        lines.append(visible(body) + "\n")
        if not line.endswith("\n"):
            lines.append("\\ No newline at end of file\n")
    return "".join(lines)


def format_fix_notes(path: str, plan: FixPlan, *, written: bool, threshold: Severity = Severity.ERROR) -> list[str]:
    """One line per fix (applied, or would be), per fix not applied and why, and per finding at or
    above `threshold` that is left after the fixes."""
    verb = "fixed" if written else "would fix"
    notes = [f"{path}:{edit.line}: {verb} {edit.rule}: inserted {shorten(' '.join(edit.text.split()), 100)!r} {edit.place}" for edit in plan.edits]
    notes += [f"{path}: not fixed: {unfixed.rule}: {unfixed.reason}" for unfixed in plan.unfixed]
    not_fixed = {u.rule for u in plan.unfixed}
    for finding in plan.after.findings:
        if finding.severity >= threshold and finding.rule not in not_fixed:
            notes.append(f"{path}:{finding.location}: left for you: {finding.rule}: {finding.message} (no fix template for this rule)")
    return [visible(note) for note in notes]
