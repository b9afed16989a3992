"""SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer).

Untrusted text (file names, payload ids, page text, pack text) is shown as the text formats show
it wherever a person reads it: in every message, rule text and logical location name, through
`visible` (an escape sequence as `\\x1b`, a bidirectional control as `\\u202e`, a line break in a
name as `\\n`, never a new line). Properties are data, kept exact as the JSON report keeps them
(but a payload article's name in `passed`, shown as its logical location is); an artifact's URI
is the file name's bytes, percent-encoded.

One run: the tool driver lists every rule of the loaded packs; each finding is a result with its
rule id and index, level, physical location relative to `%SRCROOT%` and a content-based partial
fingerprint. Files that were not checked or that no pack applies to are tool execution
notifications, not results (but with `--require-pack` a document no pack applies to fails the
run, as a finding does: it is an `error` result of the rule `syndcheck/no-pack` too, and, as for
findings, `executionSuccessful` stays true: the run did its work); what passed is in the run's property bag. With a baseline, its
resolved findings are `absent` results; those whose rule did not run on their file are no
result at all, only listed in the property bag (`baselineNotChecked`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_from_bytes

from compliance.config import RuleAdjustment
from compliance.display import json_output, visible, visible_block
from compliance.findings import Finding, Notice, Report, Severity
from compliance.formatters.context import FormatContext, all_rules
from compliance.formatters.pipeline import (
    COULD_NOT_CHECK,
    FINGERPRINT_KEY,
    display_path,
    file_notices,
    file_of,
    fingerprints,
    generic_text,
    in_payload,
    nothing_checked_fails,
    unevaluated_marker,
    with_required_pack,
)
from compliance.formatters.summary import summarize
from compliance.packs import Rule

if TYPE_CHECKING:
    from compliance.baseline import BaselineEntry

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "syndcheck"
INFORMATION_URI = "https://pypi.org/project/syndication-compliance/"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# A file that could not be read or crashed a rule was not checked at all: that is worth more than a note.
_NOTICE_LEVELS = {
    **dict.fromkeys(sorted(COULD_NOT_CHECK), "error"),
    "too-large": "warning",
    "truncated": "warning",
    "missing-meta": "warning",
    "pattern-too-large": "warning",
    "marker-time-limit": "warning",
    "addition-time-limit": "warning",
}


def format_sarif(reports: Sequence[Report], context: FormatContext) -> str:
    """The whole run as one SARIF 2.1.0 log."""
    rules = _Rules(context)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    passed: list[dict[str, Any]] = []
    # A run that checked nothing fails (exit 2): its skipped documents are why, at level error.
    nothing_checked = nothing_checked_fails(reports, context)
    for report in reports:
        path = display_path(report.path, context.base_dir)
        # A payload's article is no file: its results are on the payload (see `_result`).
        location = _artifact_location(file_of(report, context.base_dir))
        baselined = context.baseline is not None
        failed = with_required_pack(report, context)
        for finding, fingerprint in zip(failed.findings, fingerprints(failed, path), strict=True):
            results.append(_result(finding, fingerprint, location, rules, report) | ({"baselineState": "new"} if baselined else {}))
        for item in report.suppressed:
            result = _result(item.finding, _suppressed_fingerprint(item.finding, path), location, rules, report)
            result["suppressions"] = [{"kind": item.kind, "status": "accepted", "justification": visible(item.justification)}]
            if baselined:
                result["baselineState"] = "unchanged" if item.kind == "external" else "new"
            results.append(result)
        for notice in file_notices(report):
            notifications.append(_notification(notice, location, report, fails_the_run=nothing_checked))
        # A payload's article is named beside the payload file it is in, as its results name it.
        article = {"article": visible(report.path)} if report.payload is not None else {}
        passed.extend({"uri": location["uri"], **article, "rule": p.rule, "line": p.location.line, "evidence": p.evidence} for p in report.passed)
    if context.baseline is not None:
        results.extend(_absent(entry, rules) for entry in context.baseline.resolved)
    version = {"version": context.tool_version, "semanticVersion": context.tool_version} if context.tool_version else {}
    # A rule's level or its being off is a rule configuration override; packs limited or replaced
    # and a raised threshold are said in the configuration notifications, with the file.
    overrides = [a for a in context.adjusted_rules if a.setting in ("severity", "select")]
    settings = [a for a in context.adjusted_rules if a.setting not in ("severity", "select")]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": TOOL_NAME, **version, "informationUri": INFORMATION_URI, "rules": rules.descriptors}},
        "invocations": [
            {
                # SARIF's "terminated with an exit code that denotes failure" (2.1.0, appendix I),
                # as a consumer must learn from the log alone: a notification at level `error`
                # says why a document fails the run (unreadable, past `--time-limit`, a run that
                # checked nothing: exit 2; an internal error: exit 3), and a run with no document
                # at all (every file left out) fails unless `--pass-with-nothing-checked` lets it
                # pass. Findings are what the run is for: it succeeded.
                "executionSuccessful": not any(n["level"] == "error" for n in notifications) and (bool(reports) or context.pass_with_nothing_checked),
                "toolExecutionNotifications": notifications,
                **({"ruleConfigurationOverrides": [_override(a, rules) for a in overrides]} if overrides else {}),
                **({"toolConfigurationNotifications": [_configuration_notice(a) for a in settings]} if settings else {}),
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": summarize(reports).as_dict(), "passed": passed},
    }
    if context.baseline is not None and context.baseline.not_checked:
        # Neither found again nor fixed: not `absent` (a code scanning alert would be closed).
        run["properties"]["baselineNotChecked"] = [_not_checked(entry) for entry in context.baseline.not_checked]
    base = PurePath(context.base_dir)
    if base.is_absolute():
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}}
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json_output(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


class _Rules:
    """The driver's rule descriptors, and the index of each rule id in them."""

    def __init__(self, context: FormatContext) -> None:
        self.descriptors: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        for rule in all_rules(context.packs):
            if rule.id not in self.index:
                self._add(rule.id, _descriptor(rule, context))

    def index_of(self, finding: Finding) -> int:
        """The index of a finding's rule, adding a descriptor from the finding for a rule no loaded pack has."""
        if finding.rule not in self.index:
            self._add(
                finding.rule,
                {
                    "id": finding.rule,
                    "name": finding.rule.split("/", 1)[-1],
                    "shortDescription": {"text": visible(finding.message)},
                    "help": {"text": visible_block(finding.help)},
                    "defaultConfiguration": {"level": LEVELS[finding.severity]},
                },
            )
        return self.index[finding.rule]

    def _add(self, rule_id: str, descriptor: dict[str, Any]) -> None:
        self.index[rule_id] = len(self.descriptors)
        self.descriptors.append(descriptor)


def _descriptor(rule: Rule, context: FormatContext) -> dict[str, Any]:
    pack = context.pack(rule.pack)
    summary = generic_text(rule.message)
    help_text = generic_text(rule.help)
    markdown = [help_text]
    if rule.terms:
        source = f" — [{pack.name}]({pack.terms_url}), as of {pack.as_of}" if pack else ""
        markdown.append(f'**Terms:** "{rule.terms}"{source}')
    markdown.append(f"Rule `{rule.id}` is defined in `{rule.origin}` at line {rule.line}.")
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": visible(summary)},
        "fullDescription": {"text": visible(f'{summary} The terms say: "{rule.terms}"' if rule.terms else summary)},
        "help": {"text": visible_block(help_text), "markdown": "\n\n".join(visible_block(part) for part in markdown)},
        **({"helpUri": pack.terms_url} if pack is not None and pack.terms_url else {}),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["syndication", rule.pack], "pack": rule.pack},
    }


def _artifact_location(path: str) -> dict[str, str]:
    # The file name's own bytes, percent-encoded: exact even for names that are not UTF-8. A name
    # that no file system could hold (a payload id with a lone surrogate) is shown escaped.
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:
        raw = visible(path).encode("utf-8")
    if PurePath(path).is_absolute():
        return {"uri": "file://" + quote_from_bytes(raw, safe="/")}
    return {"uri": quote_from_bytes(raw, safe="/"), "uriBaseId": SRCROOT}


def _result(finding: Finding, fingerprint: str, location: dict[str, str], rules: _Rules, report: Report) -> dict[str, Any]:
    """A finding as a SARIF result. On a document that is a file, at its line and column; on an
    article of a CMS payload, on the payload file without a region (the line is one of the
    article's HTML, not of the payload), the article named as a logical location (`kind`
    `object`: a JSON object of the payload) and in the message, with the line."""
    where = in_payload(report, finding.location.line)
    # Each line shown safely by itself: a line break in a name is an escape, never a new line.
    lines = [visible(f"{finding.message} ({where})" if where else finding.message)]
    if finding.detail and finding.detail not in finding.message:
        lines.append(f"Why: {visible(finding.detail)}")
    lines.append(f"Fix: {visible(finding.help)}")
    properties: dict[str, Any] = {"severity": finding.severity.label}
    if finding.evidence is not None:
        properties["evidence"] = finding.evidence
    if finding.detail is not None:
        properties["detail"] = finding.detail
    return {
        "ruleId": finding.rule,
        "ruleIndex": rules.index_of(finding),
        "level": LEVELS[finding.severity],
        "message": {"text": "\n".join(lines)},
        "locations": [_finding_location(finding, location, report)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": properties,
    }


def _finding_location(finding: Finding, location: dict[str, str], report: Report) -> dict[str, Any]:
    if report.payload is None:
        region = {"startLine": finding.location.line, "startColumn": finding.location.column}
        return {"physicalLocation": {"artifactLocation": dict(location), "region": region}}
    return {
        "physicalLocation": {"artifactLocation": dict(location)},
        "logicalLocations": [{"name": visible(report.path), "kind": "object"}],
        "properties": {"articleLine": finding.location.line, "articleColumn": finding.location.column},
    }


def _suppressed_fingerprint(finding: Finding, path: str) -> str:
    return fingerprints(Report(path=path, findings=(finding,)), path)[0]


def _absent(entry: BaselineEntry, rules: _Rules) -> dict[str, Any]:
    """A finding of the baseline that this run no longer found."""
    result: dict[str, Any] = {
        "ruleId": entry.rule,
        "message": {"text": visible(f"Resolved: {entry.message}")},
        "level": "none",
        "kind": "pass",
        "baselineState": "absent",
        "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(entry.path)}}],
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
    }
    if entry.rule in rules.index:
        result["ruleIndex"] = rules.index[entry.rule]
    return result


def _not_checked(entry: BaselineEntry) -> dict[str, str]:
    """A finding of the baseline whose rule did not run on its file in this run."""
    return {"uri": _artifact_location(entry.path)["uri"], "rule": entry.rule, "fingerprint": entry.fingerprint}


def _override(adjustment: RuleAdjustment, rules: _Rules) -> dict[str, Any]:
    """A rule a configuration file turned off or demoted, as SARIF's configurationOverride."""
    configuration: dict[str, Any] = {"enabled": adjustment.severity is not None}
    if adjustment.severity is not None:
        configuration["level"] = LEVELS[adjustment.severity]
    descriptor: dict[str, Any] = {"id": adjustment.rule}
    if adjustment.rule in rules.index:
        descriptor["index"] = rules.index[adjustment.rule]
    return {"descriptor": descriptor, "configuration": configuration, "properties": {"file": adjustment.origin}}


def _configuration_notice(adjustment: RuleAdjustment) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": _artifact_location(adjustment.file), "region": {"startLine": adjustment.line}}}
    return {
        "descriptor": {"id": f"configuration-{adjustment.setting}"},
        "level": "warning",
        "message": {"text": visible(adjustment.describe())},
        "locations": [location],
    }


def _notification(notice: Notice, location: dict[str, str], report: Report, *, fails_the_run: bool = False) -> dict[str, Any]:
    """A notice as a tool execution notification on the document's file; for an article of a CMS
    payload, on the payload file with the article named as a logical location and in the
    message, as its results are. At level `error` when it says why the document fails the run
    (`_NOTICE_LEVELS`; `fails_the_run`: any notice of a document not checked in a run that
    checked nothing)."""
    where: dict[str, Any] = {"physicalLocation": {"artifactLocation": dict(location)}}
    message = notice.message
    if report.payload is not None:
        where["logicalLocations"] = [{"name": visible(report.path), "kind": "object"}]
        message = f"{message} (in {report.path})"
    return {
        "descriptor": {"id": notice.code},
        # A detection marker not evaluated with its pack not applied fails the run too (exit 2).
        "level": "error" if (fails_the_run and not report.checked) or unevaluated_marker(notice) else _NOTICE_LEVELS.get(notice.code, "note"),
        "message": {"text": visible(message)},
        "locations": [where],
    }
