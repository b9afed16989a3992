"""GitLab Code Quality: a JSON array of issues for `artifacts:reports:codequality`.

GitLab shows these in merge requests and the pipeline's Code Quality tab. Severity: a publisher's
terms not met (`error`) is `critical`, `warning` is `minor`, `info` is `info`; GitLab's `major`
and `blocker` are not used. The format has issues on files and nothing else, so a document that
was not checked is an issue too: `critical` `syndcheck/CODE` (`syndcheck/unreadable`,
`syndcheck/time-limit`, …) when that fails the run, `info` `syndcheck/too-large` or
`syndcheck/skipped` when it was skipped (over `--max-bytes`, empty, binary data), at its line 1.
Files that no pack applies to are not issues and do not appear (the JSON, SARIF, JUnit and GitHub
summary formats list them), except that with `--require-pack` such a document fails the run, and
is a `critical` issue `syndcheck/no-pack` at its line 1.

GitLab shows `description` and `content.body` to people (the merge-request widget, the Code
Quality tab): like SARIF's messages they hold untrusted text (page text, evidence, file and
payload names, pack text) through `visible`, so a C1 control or a bidirectional override is shown
as its escape (`\\x9b`, `\\u202e`), never raw. The rest is data and keeps the exact text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from compliance.display import json_output, visible, visible_block
from compliance.findings import Report, Severity
from compliance.formatters.context import FormatContext
from compliance.formatters.pipeline import (
    display_path,
    file_of,
    fingerprints,
    in_payload,
    nothing_checked_fails,
    with_not_checked,
    with_required_pack,
    with_unevaluated_markers,
)

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def format_gitlab(reports: Sequence[Report], context: FormatContext) -> str:
    """Every finding as a GitLab Code Quality issue, with a content-based fingerprint."""
    issues: list[dict[str, Any]] = []
    nothing_checked = nothing_checked_fails(reports, context)
    for report in reports:
        path = display_path(report.path, context.base_dir)
        report = with_not_checked(with_unevaluated_markers(with_required_pack(report, context)), nothing_checked=nothing_checked)
        for finding, fingerprint in zip(report.findings, fingerprints(report, path), strict=True):
            # A payload's article is no file: the issue is on the payload, at its first line, and
            # says which article and which line of its HTML.
            where = in_payload(report, finding.location.line)
            issues.append(
                {
                    "type": "issue",
                    "engine_name": "syndcheck",
                    "check_name": finding.rule,
                    "description": visible(f"{finding.message} ({where})" if where else finding.message),
                    "content": {"body": visible_block(finding.help)},
                    "severity": SEVERITIES[finding.severity],
                    "fingerprint": fingerprint,
                    "location": {"path": file_of(report, context.base_dir), "lines": {"begin": 1 if where else finding.location.line}},
                }
            )
    # Each way a configuration file weakened the checks, as an issue on that file.
    for change in context.adjusted_rules:
        described = change.describe()
        issues.append(
            {
                "type": "issue",
                "engine_name": "syndcheck",
                "check_name": f"configuration/{change.setting}",
                "description": visible(f"configuration: {described}"),
                "content": {"body": "A configuration file weakened the publishers' checks; make sure this is intended."},
                "severity": "info",
                "fingerprint": hashlib.sha256(described.encode("utf-8", "surrogatepass")).hexdigest(),
                "location": {"path": display_path(change.file, context.base_dir), "lines": {"begin": change.line}},
            }
        )
    return json_output(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
