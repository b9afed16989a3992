"""What the audit's summary shows of each site: the evidence of a copy is its findings that matter
most (errors before warnings, then by rule), not its first ones in page order, and a site's worst
copies are those with the most errors."""

from __future__ import annotations

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from compliance.findings import Finding, Location, Severity
from tests.test_audit import _audited, web


def _finding(rule: str, severity: Severity, line: int) -> Finding:
    return Finding(rule, severity, f"{rule} at line {line}", "", Location(line))


W, E, N = Severity.WARNING, Severity.ERROR, Severity.INFO


@pytest.mark.parametrize(
    ("findings", "shown"),
    [
        # Warnings and notes first in the page, errors after: the errors are the evidence.
        ([("p/head", W, 1), ("p/note", N, 2), ("p/logo", E, 9), ("p/credit", E, 12)], ["p/credit@12", "p/logo@9", "p/head@1"]),
        # One rule found three times does not hide another rule's error.
        ([("p/link", E, 3), ("p/link", E, 4), ("p/link", E, 5), ("p/pixel", E, 30)], ["p/link@3", "p/pixel@30", "p/link@4"]),
        # Errors by rule id, each rule's findings in page order.
        ([("p/z", E, 1), ("p/a", E, 8), ("p/a", E, 2), ("p/m", E, 5), ("p/b", W, 0)], ["p/a@8", "p/m@5", "p/z@1"]),
        # Fewer findings than kept, or none: all of them, in rank order.
        ([("p/warn", W, 1), ("p/err", E, 2)], ["p/err@2", "p/warn@1"]),
        ([], []),
    ],
)
def test_a_copys_evidence_is_its_worst_findings_by_severity_then_rule(findings: list[tuple[str, Severity, int]], shown: list[str]) -> None:
    from compliance.audit.run import worst_findings

    ranked = worst_findings([_finding(rule, severity, line) for rule, severity, line in findings], 3)
    assert [f"{f.rule}@{f.location.line}" for f in ranked] == shown


def test_an_audited_copys_evidence_leads_with_its_errors() -> None:
    # The ProPublica pack finds four errors and a warning on a stripped copy; the first three in
    # the page left out its affiliation error, which sorts before the credit line by rule.
    publisher = "https://dailycallernewsfoundation.org"
    url = "https://valley.example/news/story-2/"
    outcome = _audited([(url, web.copy(publisher, "https://valley.example", 2, "stripped"))], pack="propublica")[url]
    assert outcome.copy is not None
    assert [line.split(":")[0] for line in outcome.copy.evidence] == ["creative-commons/source-link", "propublica/affiliation", "propublica/credit-line"]
    assert "propublica/original-in-head" in outcome.copy.findings and "propublica/original-in-head" not in outcome.copy.errors


def test_a_sites_worst_copies_are_those_with_the_most_errors() -> None:
    from compliance.audit.report import CheckedCopy, build_report

    def copy(url: str, errors: tuple[str, ...], warnings: tuple[str, ...]) -> CheckedCopy:
        return CheckedCopy("s", f"http://p.example/{url}", "p.example", 0.9, "text", tuple(sorted(errors + warnings)), errors, errors)

    copies = [
        copy("one-error-three-warnings", ("p/a",), ("p/w1", "p/w2", "p/w3")),
        copy("two-errors", ("p/a", "p/b"), ()),
        copy("compliant-with-warnings", (), ("p/w1", "p/w2", "p/w3", "p/w4")),
        copy("one-error", ("p/b",), ()),
    ]
    site = build_report(copies, pages=4, unmatched=0, problems=[], stories=["s"])["sites"][0]
    assert [w["url"].rsplit("/", 1)[1] for w in site["worst"]] == ["two-errors", "one-error-three-warnings", "one-error"]


def test_outcomes_stored_before_evidence_was_ranked_are_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # An outcome stored with its first findings as evidence is on another basis: not reused.
    from compliance.audit import run
    from compliance.audit.sources import Page

    stories = [Page("originals/story-0.html", "saved:originals", web.original("https://dailycallernewsfoundation.org", 0))]
    pack = run.choose_pack("dcnf")
    now = run.audit_basis(stories, 0.5, pack)
    monkeypatch.setattr(run, "OUTCOME_FORM", 1)
    assert run.audit_basis(stories, 0.5, pack) != now


def test_the_readme_evidence_example_is_what_the_audit_writes() -> None:
    import json

    from compliance.audit.report import build_report
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(readme.split("<!-- audit-evidence -->\n```json\n", 1)[1].split("```", 1)[0])
    publisher = "https://dailycallernewsfoundation.org"
    outcome = _audited([(example["url"], web.copy(publisher, "https://valley.example", 2, "stripped"))], pack="propublica")[example["url"]]
    assert outcome.copy is not None
    worst = build_report([outcome.copy], pages=1, unmatched=0, problems=[], stories=[outcome.copy.story])["sites"][0]["worst"][0]
    assert (worst["url"], worst["findings"]) == (example["url"], example["findings"])
    assert [line.split(": ", 1)[0] for line in worst["evidence"]] == [line.split(": ", 1)[0] for line in example["evidence"]]
