"""A byline that credits the publisher in place of a reporter ("By ProPublica", "By Staff, Daily
Caller News Foundation") says whose story the page is: the publisher's pack applies, and its byline
rule reports that no reporter is named. A mention of the publisher in another outlet's byline does not."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = load_packs()

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Rates rise</title>{head}</head><body><article>"
    "<h1>Insurers raise rates for the third year</h1><p>{byline}</p>"
    "<p>Insurers raised rates for the third year in a row, state filings show.</p>"
    "<p>Regulators said they would review the filings next month.</p></article></body></html>"
)
TEXT = "Insurers raise rates for the third year\n\n{byline}\n\nInsurers raised rates for the third year in a row, state filings show.\n"


def _check(byline: str, *, kind: str = "html", head: str = "") -> Any:
    source = PAGE.format(byline=byline, head=head) if kind == "html" else TEXT.format(byline=byline)
    return check_document(parse_document(source.encode(), kind), PACKS, path="story", auto_detect=True)  # type: ignore[arg-type]


def _failed(report: Any) -> set[str]:
    """The rules that report an error or a warning (the Tribune asks for its byline format "ideally": a warning)."""
    return {f.rule for f in report.findings if f.severity.name in ("ERROR", "WARNING")}


# The byline rule of each pack: what reports the missing reporter once the pack applies.
OUTLET_BYLINES = [
    ("By Staff, Daily Caller News Foundation", "dcnf", "dcnf/byline"),
    ("By Daily Caller News Foundation", "dcnf", "dcnf/byline"),
    ("By The Editors, Daily Caller News Foundation", "dcnf", "dcnf/byline"),
    ("By DCNF Staff, Daily Caller News Foundation", "dcnf", "dcnf/byline"),
    ("By ProPublica", "propublica", "creative-commons/author"),
    ("By Staff, ProPublica", "propublica", "creative-commons/author"),
    ("By ProPublica Staff | ProPublica", "propublica", "creative-commons/author"),
    ("By The Editors, KFF Health News", "kff-health-news", "creative-commons/author"),
    ("By Staff, The Texas Tribune", "texas-tribune", "texas-tribune/byline"),
    ("By Newsroom Staff, CalMatters", "calmatters", "calmatters/byline"),
    ("By Staff, The 19th", "the-19th", "creative-commons/author"),
]


@pytest.mark.parametrize(("byline", "pack", "rule"), OUTLET_BYLINES)
def test_a_byline_crediting_the_outlet_applies_its_pack_and_reports_its_byline_rule(byline: str, pack: str, rule: str) -> None:
    report = _check(byline)
    assert report.packs == (pack,)
    assert rule in _failed(report)


@pytest.mark.parametrize(("byline", "pack"), [(b, p) for b, p, _ in OUTLET_BYLINES if p in ("dcnf", "propublica")])
def test_the_same_bylines_in_plain_text_apply_the_pack(byline: str, pack: str) -> None:
    assert _check(byline, kind="text").packs == (pack,)


@pytest.mark.parametrize(
    "byline",
    [
        # Another outlet's byline that mentions the publisher, with a person or its own staff.
        "By Staff, Valley Ledger, with data from ProPublica",
        "By Valley Ledger Staff, who covered ProPublica's series",
        "By The Editors, who disagree with the Daily Caller",
        "By Staff, Valley Ledger",
    ],
)
def test_another_outlets_byline_that_mentions_the_publisher_applies_no_pack(byline: str) -> None:
    assert _check(byline).packs == ()


def test_the_publishers_own_page_with_a_staff_byline_is_an_original() -> None:
    head = "<meta property='og:site_name' content='ProPublica'><link rel='canonical' href='https://www.propublica.org/article/rates-rise'>"
    assert _check("By Staff, ProPublica", head=head).packs == ()


def test_the_reported_inputs_fail_on_the_command_line(cli: Any, tmp_path: Any) -> None:
    for name, byline in (("staff.html", "By Staff, Daily Caller News Foundation"), ("outlet.html", "By ProPublica")):
        (tmp_path / name).write_text(PAGE.format(byline=byline, head=""), encoding="utf-8")
    run = cli("check", "--format", "concise", str(tmp_path / "staff.html"), str(tmp_path / "outlet.html"))
    assert run.code == 1, run.out
    assert "staff.html:1:" in run.out and "dcnf/byline" in run.out
    assert "outlet.html:1:" in run.out and "creative-commons/author" in run.out
    assert "no pack" not in run.out
