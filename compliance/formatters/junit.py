"""JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps, …).

One `<testsuite>` per file (name = path) and one `<testcase>` per file × rule of the packs applied
to it (classname = path, name = rule id: GitLab and Jenkins key a test by classname and name, and
GitLab keeps only the first of cases that share both, so a rule's case in each file is its own
test). Each finding is a `<failure>` (a rule with two
findings in a file has two), a rule that passed is a passing case with its evidence in
`<system-out>`, a rule that was not evaluated is `<skipped>`. A file that was not checked, or that
no pack applies to, is a single skipped case; one that could not be checked although it should
have been (unreadable, wrongly configured, past `--time-limit`, an internal error: the run exits 2
or 3) is an `<error>`, JUnit's "could not run". With `--require-pack`, a document no pack applies
to fails the run, and its case is a `<failure>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from compliance.display import visible
from compliance.findings import Finding, Notice, Passed, Report
from compliance.formatters.context import FormatContext
from compliance.formatters.pipeline import (
    COULD_NOT_CHECK,
    NO_PACK_MESSAGE,
    applied_rules,
    display_path,
    file_notices,
    nothing_checked_fails,
    required_pack_failed,
    unevaluated_marker,
)

NOT_APPLICABLE = "not applicable: the rule's 'when' condition does not hold for this article"


def format_junit(reports: Sequence[Report], context: FormatContext) -> str:
    """The whole run as a JUnit XML document (`<testsuites>`)."""
    root = ET.Element("testsuites", {"name": "syndcheck"})
    nothing_checked = nothing_checked_fails(reports, context)
    for report in reports:
        root.append(_suite(report, context, nothing_checked=nothing_checked))
    if context.adjusted_rules:
        root.append(_configuration_suite(context))
    _set_counts(root)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _set_counts(element: ET.Element) -> None:
    """`tests`, `failures`, `errors` and `skipped` of a suite (or of all suites), counted as junitparser and GitLab do."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    for tag, attribute in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for case in cases for child in case if child.tag == tag)))


def _clean(text: str) -> str:
    """Untrusted text shown safely on one line; XML 1.0 could not carry most control characters anyway."""
    return visible(text)


def _lines(*lines: str) -> str:
    """An element body: each line shown safely, one per line."""
    return "".join(visible(line) + "\n" for line in lines)


def _configuration_suite(context: FormatContext) -> ET.Element:
    """Each way a configuration file weakened the checks, as a skipped case CI test views list."""
    suite = ET.Element("testsuite", {"name": "syndcheck configuration"})
    for change in context.adjusted_rules:
        file = _clean(display_path(change.file, context.base_dir))
        case = ET.SubElement(suite, "testcase", {"classname": "configuration", "name": _clean(change.describe()), "file": file, "line": str(change.line)})
        ET.SubElement(case, "skipped", {"message": _clean(change.describe())})
    _set_counts(suite)
    return suite


def _suite(report: Report, context: FormatContext, *, nothing_checked: bool = False) -> ET.Element:
    """The suite of one document; `nothing_checked`: the run checked nothing, and a document
    skipped on purpose fails it (`nothing_checked_fails`): an `<error>`, not a skipped case."""
    path = display_path(report.path, context.base_dir)
    suite = ET.Element("testsuite", {"name": _clean(path)})
    if report.packs:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", {"name": "packs", "value": _clean(", ".join(report.packs))})
    notices = file_notices(report)
    if not report.checked or not report.packs:
        case = ET.SubElement(suite, "testcase", {"classname": _clean(path), "name": "not-checked" if not report.checked else "no-pack", "file": _clean(path)})
        message = _clean("; ".join(n.message for n in notices))
        if required_pack_failed(report, context):
            failure = ET.SubElement(case, "failure", {"message": _clean(NO_PACK_MESSAGE), "type": "error"})
            failure.text = _lines(f"{path}: {NO_PACK_MESSAGE}", *(f"note: {n.message}" for n in notices))
        else:
            # A detection marker not evaluated, its pack not applied, fails the run (exit 2) as a document not checked does.
            kind = "error" if nothing_checked or any(n.code in COULD_NOT_CHECK or unevaluated_marker(n) for n in notices) else "skipped"
            ET.SubElement(case, kind, {"message": message})
    else:
        findings = _findings_by_rule(report)
        passed = {p.rule: p for p in report.passed}
        # A rule `--select`, `--ignore` or a configuration turned off is no test of this run: it
        # neither ran nor was meant to, and a skipped case for it would inflate `skipped`.
        cases = [rule.id for rule in applied_rules(report, context) if _meant_to_run(report, rule.id)]
        # A rule no loaded pack lists (packs changed between check and format) still gets its case.
        cases += [rule_id for rule_id in dict.fromkeys([f.rule for f in report.findings] + [p.rule for p in report.passed]) if rule_id not in cases]
        for rule_id in cases:
            suite.append(_case(path, rule_id, findings.get(rule_id, []), passed.get(rule_id), report))
        if notices:
            ET.SubElement(suite, "system-out").text = _lines(*(f"note: {n.message}" for n in notices))
    _set_counts(suite)
    return suite


def _case(path: str, rule_id: str, findings: list[Finding], passed: Passed | None, report: Report) -> ET.Element:
    case = ET.Element("testcase", {"classname": _clean(path), "name": _clean(rule_id), "file": _clean(path)})
    if findings:
        case.set("line", str(findings[0].location.line))
        for finding in findings:
            failure = ET.SubElement(case, "failure", {"message": _clean(finding.message), "type": finding.severity.label})
            failure.text = _failure_body(path, finding)
    elif passed is not None:
        case.set("line", str(passed.location.line))
        ET.SubElement(case, "system-out").text = _lines(f"{path}:{passed.location}: passed: {passed.evidence}")
    else:
        notice = _rule_notice(report.notices, rule_id)
        ET.SubElement(case, "skipped", {"message": _clean(notice.message if notice else NOT_APPLICABLE)})
    return case


def _failure_body(path: str, finding: Finding) -> str:
    lines = [f"{path}:{finding.location}: {finding.severity.label}: {finding.message}"]
    if finding.evidence:
        lines.append(f"found: {finding.evidence}")
    if finding.detail:
        lines.append(f"why: {finding.detail}")
    lines.append(f"fix: {finding.help}")
    return _lines(*lines)


def _findings_by_rule(report: Report) -> dict[str, list[Finding]]:
    """A report's findings grouped by rule id, in document order."""
    grouped: dict[str, list[Finding]] = {}
    for finding in report.findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def _meant_to_run(report: Report, rule_id: str) -> bool:
    """Whether the run meant to check this rule on the report's document: it ran to a conclusion
    (`evaluated_rules`), or a notice says why it could not."""
    return rule_id in report.evaluated_rules or _rule_notice(report.notices, rule_id) is not None


def _rule_notice(notices: Sequence[Notice], rule_id: str) -> Notice | None:
    """A notice saying that this rule was not checked or not run: one that counts it among the
    rules not checked (`undecided`, `missing-meta`...) or among those not run for want of an
    original (`no-original`), or names it in its message (`missing-meta`, `pattern-too-large`)."""
    named = re.compile(rf"(?<![\w/-]){re.escape(rule_id)}(?![\w/-])")
    return next(
        (
            n
            for n in notices
            if rule_id in n.unchecked_rules or rule_id in n.not_compared or (n.code in ("missing-meta", "pattern-too-large") and named.search(n.message))
        ),
        None,
    )
