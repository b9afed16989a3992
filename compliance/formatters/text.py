"""The editor's view: findings grouped by file with line:col, the fix, and what passed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from compliance.config import RuleAdjustment
from compliance.display import at_line_start, path_at_line_start
from compliance.display import visible as _v
from compliance.findings import Report, Severity
from compliance.formatters.summary import Summary, summarize
from compliance.text import counted

if TYPE_CHECKING:  # a text check streams its reports: only the whole-run formats make a context
    from compliance.formatters.context import BaselineOutcome, FormatContext

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_BOLD, _DIM, _GREEN = "1", "2", "32"


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def format_report(report: Report, *, color: bool = False, show_passed: bool = True, show_not_compared: bool = True, explain_detection: bool = False) -> str:
    """One file's block of output. `show_not_compared=False` (`--quiet`) leaves out the note of the
    rules not run for want of an original story (`no-original`), which nearly every file has."""
    lines = []
    # A skipped file (empty, binary, a FIFO) was not read for a publisher at all: "no pack" would
    # read as "no publisher's markers found".
    # A document whose pack's detection marker was not evaluated may well have a pack: "no pack"
    # would be the very verdict the time limit kept from being reached.
    packs = _v(", ".join(report.packs)) if report.packs else "not fully checked" if report.not_fully_checked else "no pack" if report.checked else "not checked"
    lines.append(_paint(path_at_line_start(report.path), _BOLD, color) + _paint(f"  [{packs}]", _DIM, color))
    if explain_detection:
        lines.extend(_detection_lines(report))
    for notice in report.notices:
        if show_not_compared or notice.code != "no-original":
            lines.append(f"  note: {_v(notice.message)}")
    for finding in report.findings:
        severity = _paint(f"{finding.severity.label:<7}", _COLORS[finding.severity], color)
        lines.append(f"  {finding.location!s:<8} {severity} {_v(finding.rule)}  {_v(finding.message)}")
        # Both when both are known: what was found, and why it does not do (a logo only in
        # <noscript>, a credit line twice).
        if finding.evidence:
            lines.append(_paint(f"           found: {_v(finding.evidence)}", _DIM, color))
        if finding.detail:
            lines.append(_paint(f"           why: {_v(finding.detail)}", _DIM, color))
        lines.append(f"           fix: {_v(finding.help)}")
    if show_passed:
        for passed in report.passed:
            mark = _paint("ok", _GREEN, color)
            # An absence has no place in the article: a dash, not the line of its start.
            where = str(passed.location) if passed.placed else "-"
            lines.append(f"  {where:<8} {mark:<7} {_v(passed.rule)}  {_v(passed.evidence)}")
    return "\n".join(lines) + "\n"


def _detection_lines(report: Report) -> list[str]:
    """`--explain-detection`: which markers fired for which pack, and the resulting confidence."""
    if not report.detections:
        return ["  detection: not run (packs given explicitly)"] if report.checked and report.packs else []
    lines = []
    silent = []
    for detection in report.detections:
        if not detection.markers:
            silent.append(_v(detection.pack))
            continue
        verdict = "applied" if detection.applied else "not applied"
        fired = [f"{marker}: {label}" for marker, label in zip(detection.markers, detection.labels, strict=True)] if detection.labels else detection.markers
        lines.append(f"  detection: {_v(detection.pack)} {verdict}, confidence {detection.confidence:.2f} ({_v('; '.join(fired))})")
    if silent:
        lines.append(f"  detection: no markers of {', '.join(silent)}")
    return lines


def format_summary(summary: Summary, *, color: bool = False) -> str:
    """The one-line summary at the end of a run."""
    parts = [f"{counted(summary.checked, 'file')} checked"]
    problems = []
    if summary.errors:
        problems.append(_paint(counted(summary.errors, "error"), _COLORS[Severity.ERROR], color))
    if summary.warnings:
        problems.append(_paint(counted(summary.warnings, "warning"), _COLORS[Severity.WARNING], color))
    if summary.infos:
        problems.append(f"{summary.infos} info")
    if problems:
        parts.append(", ".join(problems))
    elif summary.checked and not summary.not_fully_checked:
        # Not with nothing checked, nor with a file not fully checked: a run that exits 2 must
        # not read "no problems" in green.
        parts.append(_paint("no problems", _GREEN, color))
    if (unfinished := summary.not_fully_checked_part()) is not None:
        parts.append(unfinished)
    if summary.rules_not_checked:
        # Not a problem found, nor a pass: the note on each file says what the rule needs.
        count = summary.rules_not_checked
        files = summary.files_with_rules_not_checked
        parts.append(f"{counted(count, 'rule')} not checked" + (f" in {files} files" if files > 1 else ""))
    if summary.without_pack:
        parts.append(f"{summary.without_pack} with no applicable pack")
    if summary.skipped or summary.internal_errors:
        # Skipped (empty, binary), refused (unreadable, past --time-limit) or stopped by an internal
        # error: each file's line says which, with "[not checked]"; the word here is the same for all.
        parts.append(f"{summary.skipped + summary.internal_errors} not checked")
    if summary.suppressed:
        parts.append(f"{summary.suppressed} suppressed")
    return "; ".join(parts) + "\n"


def format_text(reports: Sequence[Report], context: FormatContext) -> str:
    """All reports and the summary, as an editor reads them."""
    body = "\n".join(format_report(r, color=context.color, show_passed=context.show_passed) for r in reports)
    return body + ("\n" if body else "") + format_summary(summarize(reports), color=context.color) + format_adjustments(context.adjusted_rules)


def format_adjustments(adjusted: Sequence[RuleAdjustment]) -> str:
    """After the summary: each way a configuration file weakened the checks, and which file. The
    rules of one pack that one file turned off (or lowered) alike share a line, each named in
    full (`select: [dcnf]` turns off the rules of a dozen other packs: a dozen lines, not fifty)."""
    lines: dict[object, list[RuleAdjustment]] = {}
    for a in adjusted:
        alike = not a.change and a.setting in ("severity", "select") and "/" in a.rule
        lines.setdefault((a.rule.split("/", 1)[0], a.severity, a.origin) if alike else id(a), []).append(a)
    shown = []
    for group in lines.values():
        if len(group) == 1:
            shown.append(group[0].describe())
        else:
            # The description of the first, with every rule of the group where its rule was.
            first = group[0]
            shown.append(", ".join(a.rule for a in group) + first.describe().removeprefix(first.rule))
    return "".join(f"configuration: {_v(line)}\n" for line in shown)


def format_resolved(outcome: BaselineOutcome) -> str:
    """After the summary: what the baseline hid, which known findings are fixed, and which ones
    this run could not see because their rule did not run on their file (counted apart: they are
    neither found nor fixed)."""
    head = f"baseline {_v(outcome.file)}: {counted(outcome.known, 'known finding')} not shown, {len(outcome.resolved)} resolved"
    if outcome.not_checked:
        head += f", {len(outcome.not_checked)} not checked this run (rule did not run)"
    lines = [head]
    lines += [f"  resolved: {_v(e.path)}  {_v(e.rule)}  {_v(e.message)}" for e in outcome.resolved]
    lines += [f"  not checked: {_v(e.path)}  {_v(e.rule)}  {_v(e.message)}" for e in outcome.not_checked]
    return "\n".join(lines) + "\n"


def format_timings(timings: Mapping[str, Sequence[float]], *, top: int = 15) -> str:
    """`--timing`: total and mean time per step and per pack, slowest first, so a pack author can
    find a slow rule. A sub-check shared by several rules is counted in the first rule that runs it."""
    if not timings:
        return "timing: nothing was checked\n"
    lines = [f"{'step':<48} {'total ms':>10} {'mean ms':>9} {'files':>6}"]
    rows = sorted(timings.items(), key=lambda item: -sum(item[1]))
    for step, values in rows[:top]:
        lines.append(f"{at_line_start(step):<48} {sum(values) * 1000:>10.1f} {sum(values) / len(values) * 1000:>9.3f} {len(values):>6}")
    packs: dict[str, float] = {}
    for step, values in timings.items():
        if step.startswith("rule "):
            pack = step[5:].split("/", 1)[0]
            packs[pack] = packs.get(pack, 0.0) + sum(values)
    lines.append("")
    lines.append(f"{'pack (its rules)':<48} {'total ms':>10}")
    for pack, seconds in sorted(packs.items(), key=lambda item: -item[1]):
        lines.append(f"{at_line_start(pack):<48} {seconds * 1000:>10.1f}")
    return "\n".join(lines) + "\n"
