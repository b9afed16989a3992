"""A counter pixel only inside `<noscript>` loads only for readers with JavaScript off: the
Conversation's counter there is reported as a warning that says so, as the DCNF logo in
`<noscript>` is; a counter that loads for every reader still passes, with or without a
`<noscript>` copy."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.findings import Report
from tests.conftest import ROOT

COMPLIANT = (ROOT / "tests" / "rule-fixtures" / "the-conversation" / "compliant.html").read_text(encoding="utf-8")
COUNTER_URL = "https://counter.theconversation.com/content/228417/count.gif?distributor=republish-lightbox-basic"
COUNTER = f'<img src="{COUNTER_URL}" alt="The Conversation" width="1" height="1">'
COUNTER_LINE = next(line for line in COMPLIANT.splitlines() if "counter.theconversation.com" in line)


def _with_counter(markup: str) -> str:
    """The compliant republication with its counter line replaced by `markup`."""
    return COMPLIANT.replace(COUNTER_LINE, markup)


def _counter(report: Report) -> tuple[str, str]:
    """The counter rule's outcome: ("ok", evidence) or (severity, detail)."""
    for finding in report.findings:
        if finding.rule == "the-conversation/counter":
            return finding.severity.name.lower(), finding.detail
    (passed,) = [p for p in report.passed if p.rule == "the-conversation/counter"]
    return "ok", passed.evidence


@pytest.mark.parametrize(
    "markup",
    [
        f"<noscript>{COUNTER}</noscript>",
        # With the invisible-pixel styling the republish HTML gives it.
        f'<noscript><img src="{COUNTER_URL}" alt="The Conversation" width="1" height="1" style="opacity: 0 !important"></noscript>',
        # In a wrapper the theme adds, and without alt text.
        f'<div class="tracking"><noscript><img src="{COUNTER_URL}" width="1" height="1"></noscript></div>',
    ],
)
def test_a_counter_only_in_noscript_is_a_warning_that_says_why(markup: str) -> None:
    severity, detail = _counter(check_html(_with_counter(markup), packs=["the-conversation"]))
    assert severity == "warning"
    assert "only in <noscript>" in detail
    assert "JavaScript on" in detail


@pytest.mark.parametrize(
    "markup",
    [
        COUNTER,
        # The pixel for everyone, and a `<noscript>` copy of it.
        f"{COUNTER}<noscript>{COUNTER}</noscript>",
        f"<noscript>{COUNTER}</noscript>{COUNTER}",
    ],
)
def test_a_counter_that_loads_for_every_reader_passes(markup: str) -> None:
    severity, evidence = _counter(check_html(_with_counter(markup), packs=["the-conversation"]))
    assert severity == "ok"
    assert "counter.theconversation.com/content/228417" in evidence


def test_a_missing_counter_is_still_an_error() -> None:
    severity, _detail = _counter(check_html(_with_counter(""), packs=["the-conversation"]))
    assert severity == "error"
