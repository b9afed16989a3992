"""What `syndcheck fix` prints: a unified diff of each file's fix, and one line per fix applied,
per fix not applied (with the value to supply) and per finding no fix covers. Pure functions."""

from __future__ import annotations

import difflib

from compliance.display import path_at_line_start, visible
from compliance.findings import Severity
from compliance.fixes import Edit, FixPlan
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
    """One line per note that no pack applies (nothing to fix) or that the original given was not
    read or not compared with, per fix
    (applied, or would be), per fix not applied and why, and per finding left after the fixes
    at or above `threshold` or a warning (every rule that fails)."""
    verb = "fixed" if written else "would fix"
    # A file written is shown at the line where the block now is; one only previewed at the line
    # of the file as it is, where the block would go.
    lines = plan.fixed_lines() if written else tuple(edit.line for edit in plan.edits)
    path = path_at_line_start(path)
    # Why nothing was compared with the original given: without it the editor who expected a
    # byline or link mended from the original is left guessing.
    notes = [f"{path}: note: {notice.message}" for notice in plan.before.notices if notice.code in _ORIGINAL_NOTICES]
    if not plan.before.packs:
        # Nothing to fix, because no pack applies: silence would read as "nothing missing", where
        # a copy stripped of every credit line is the very case `fix` is for.
        # An original refused as another story's was given: the remedy is the copy's own.
        refused = any(notice.code == "original-mismatch" for notice in plan.before.notices)
        nothing = {code: said.replace("the original story", "this copy's own original story") if refused else said for code, said in _NOTHING_TO_FIX.items()}
        notes += [f"{path}: note: {notice.message}{nothing.get(notice.code, '')}" for notice in plan.before.notices if notice.code in _NO_PACK_NOTICES]
    notes += [f"{path}:{line}: {verb} {edit.rule}: {_done(edit)}{_note(edit)}" for edit, line in zip(plan.edits, lines, strict=True)]
    notes += [f"{path}: not fixed: {unfixed.rule}: {unfixed.reason}" for unfixed in plan.unfixed]
    not_fixed = {u.rule for u in plan.unfixed}
    # Every rule that fails gets its line, a warning too (as `check` prints it), whatever the
    # exit code's threshold: an editor told nothing reads it as nothing to do.
    shown = min(threshold, Severity.WARNING)
    for finding in plan.after.findings:
        if finding.severity >= shown and finding.rule not in not_fixed:
            notes.append(f"{path}:{finding.location}: left for you: {finding.rule}: {finding.message} (no fix template for this rule)")
    return [visible(note) for note in notes]


# The notices that say the original given was not read or not compared with.
_ORIGINAL_NOTICES = ("original-mismatch", "original-unavailable")
# The notices that say why no pack applies to a document (`fix` then has nothing to fix), and
# what to do about the first: a copy stripped of its credit lines shows no publisher's markers.
_NO_PACK_NOTICES = ("no-pack", "own-page")
_NOTHING_TO_FIX = {
    "no-pack": " — nothing was fixed; if it is a republished story, name its publisher's pack with --pack (or give the original story with --original)"
}


def _done(edit: Edit) -> str:
    """What an edit does, in words: "inserted '…' before the byline", "replaced 'Staff' in the
    byline with '…'"."""
    shown = shorten(" ".join(edit.text.split()), 100)
    if edit.removed and not edit.text:
        return f"took out {edit.taken or edit.lines}" + (f" (moved {edit.place})" if edit.place else "")
    # Quoted as written, not as a Python literal: a Markdown escape (`\*`) is one backslash, an
    # apostrophe no reason for other quotes (`visible` shows any unsafe character as an escape).
    return f"replaced {edit.place} with '{shown}'" if edit.removed else f"inserted '{shown}' {edit.place}"


def _note(edit: Edit) -> str:
    """What the editor must still do about an inserted block, after it ("; the line stands for …")."""
    return f" ({edit.note})" if edit.note else ""
