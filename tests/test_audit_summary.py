"""What the audit's summary shows of each site: the evidence of a copy is its findings that matter
most (errors before warnings, then by rule), not its first ones in page order, and a site's worst
copies are those with the most errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from compliance.audit.config import too_large
from compliance.audit.run import ROBOTS_FORBIDS_SITE
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
    # The ProPublica pack finds four errors and a note on a stripped copy; the first three in
    # the page left out its affiliation error, which sorts before the credit line by rule.
    publisher = "https://dailycallernewsfoundation.org"
    url = "https://valley.example/news/story-2/"
    outcome = _audited([(url, web.copy(publisher, "https://valley.example", 2, "stripped"))], pack="propublica")[url]
    assert outcome.copy is not None
    assert [line.split(":")[0] for line in outcome.copy.evidence] == ["creative-commons/source-link", "propublica/affiliation", "propublica/credit-line"]
    # Its info note is no violation: neither among its findings nor in its evidence.
    assert "propublica/original-in-head" not in outcome.copy.findings and "propublica/pixel" in outcome.copy.findings


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


def _copy(url: str, *, story: str = "s3", canonical: str = "", site: str = "p.example") -> Any:
    from compliance.audit.report import CheckedCopy

    return CheckedCopy(story, url, site, 0.9, "text", ("p/logo",), ("p/logo",), (f"p/logo: read at {url}",), canonical=canonical)


def _one(copies: list[Any], read: list[list[str]] | None = None) -> list[tuple[str, list[str], str]]:
    """(url reported, also_at, the address whose verdict is kept) of each copy the report lists."""
    from compliance.audit.run import address_key, one_copy_per_page

    addresses = {address_key(urls[0]): urls for urls in read or []}
    return sorted((c.url, list(c.also_at), c.evidence[0].removeprefix("p/logo: read at ")) for c in one_copy_per_page(copies, addresses))


P = "http://p.example"


@pytest.mark.parametrize(
    ("copies", "read", "expected"),
    [
        # Read first at a tracking address, then at its clean one: reported at the clean one.
        ([_copy(f"{P}/s3/?utm_source=fb")], [[f"{P}/s3/?utm_source=fb", f"{P}/s3/"]], [(f"{P}/s3/", [f"{P}/s3/?utm_source=fb"], f"{P}/s3/?utm_source=fb")]),
        # http and https: the https one; a trailing slash or not: the shorter.
        ([_copy(f"{P}/s3/")], [[f"{P}/s3/", "https://p.example/s3/"]], [("https://p.example/s3/", [f"{P}/s3/"], f"{P}/s3/")]),
        ([_copy(f"{P}/s3/")], [[f"{P}/s3/", f"{P}/s3"]], [(f"{P}/s3", [f"{P}/s3/"], f"{P}/s3/")]),
        # Its canonical URL, one of its addresses, names it, whatever was read first.
        (
            [_copy(f"{P}/s3?fbclid=x", canonical="https://p.example/s3/")],
            [[f"{P}/s3?fbclid=x", f"{P}/s3"]],
            [("https://p.example/s3/", [f"{P}/s3", f"{P}/s3?fbclid=x"], f"{P}/s3?fbclid=x")],
        ),
        # Two addresses of their own with one canonical URL: one copy, the verdict read at the canonical one.
        (
            [_copy(f"{P}/?p=3", canonical=f"{P}/s3/"), _copy(f"{P}/s3/", canonical=f"{P}/s3/")],
            None,
            [(f"{P}/s3/", [f"{P}/?p=3"], f"{P}/s3/")],
        ),
        # ... and when the canonical URL was never read, under the cleanest address read.
        (
            [_copy(f"{P}/?p=3", canonical=f"{P}/news/s3/"), _copy(f"{P}/print/s3/", canonical=f"{P}/news/s3/")],
            None,
            [(f"{P}/print/s3/", [f"{P}/?p=3"], f"{P}/print/s3/")],
        ),
    ],
)
def test_a_page_read_at_several_addresses_is_one_copy_under_its_canonical_or_cleanest(copies: list[Any], read: Any, expected: Any) -> None:
    assert _one(copies, read) == expected


def _bare(url: str, *, canonical: str = "") -> Any:
    """A copy of story s3 read at `url` with no finding (compliant)."""
    from compliance.audit.report import CheckedCopy

    return CheckedCopy("s3", url, "p.example", 0.9, "text", (), (), (), canonical=canonical)


@pytest.mark.parametrize(
    ("copies", "read", "expected"),
    [
        # A print page stripped of its credit whose canonical link names the compliant article: two copies.
        (
            [_bare(f"{P}/news/canon/", canonical=f"{P}/news/canon/"), _copy(f"{P}/print/canon/", canonical=f"{P}/news/canon/")],
            None,
            [(f"{P}/news/canon/", [], ""), (f"{P}/print/canon/", [], f"{P}/print/canon/")],
        ),
        # An archived capture at a tracking address whose page differs from the clean one's: two copies.
        (
            [_bare(f"{P}/s3/", canonical=f"{P}/s3/"), _copy(f"{P}/s3/?utm_source=x", canonical=f"{P}/s3/")],
            [[f"{P}/s3/", f"{P}/s3/?utm_source=x", f"{P}/s3/#top"]],
            [(f"{P}/s3/", [f"{P}/s3/#top"], ""), (f"{P}/s3/?utm_source=x", [], f"{P}/s3/?utm_source=x")],
        ),
        # Three addresses, two verdicts: the two read alike are one copy.
        (
            [_bare(f"{P}/s3/"), _copy(f"{P}/?p=3", canonical=f"{P}/s3/"), _bare(f"{P}/s3/?utm_medium=x", canonical=f"{P}/s3/")],
            None,
            [(f"{P}/?p=3", [], f"{P}/?p=3"), (f"{P}/s3/", [f"{P}/s3/?utm_medium=x"], "")],
        ),
    ],
)
def test_addresses_of_one_page_read_with_other_findings_are_copies_of_their_own(copies: list[Any], read: Any, expected: Any) -> None:
    from compliance.audit.run import address_key, one_copy_per_page

    addresses = {address_key(urls[0]): urls for urls in read or []}
    shown = sorted((c.url, list(c.also_at), c.evidence[0].removeprefix("p/logo: read at ") if c.evidence else "") for c in one_copy_per_page(copies, addresses))
    assert shown == expected


@pytest.mark.parametrize(
    "copies",
    [
        # A site-wide canonical URL (every page's the front page): copies of two stories stay two.
        [_copy(f"{P}/s3/", canonical=f"{P}/"), _copy(f"{P}/s4/", story="s4", canonical=f"{P}/")],
        # The publisher's canonical URL, which republishing plugins keep on every copy: not the site's.
        [_copy(f"{P}/s3/", canonical="https://publisher.example/s3/"), _copy(f"{P}/again/s3/", canonical="https://publisher.example/s3/")],
        # Other pages, other parameters that tell pages apart, other sites.
        [_copy(f"{P}/story?id=3"), _copy(f"{P}/story?id=4")],
        [_copy(f"{P}/s3/"), _copy("http://q.example/s3/", site="q.example")],
    ],
)
def test_copies_that_are_not_one_page_stay_apart(copies: list[Any]) -> None:
    from compliance.audit.run import one_copy_per_page

    assert one_copy_per_page(copies, {}) == copies


def test_a_copy_at_one_address_is_reported_as_it_is() -> None:
    from compliance.audit.run import address_key, one_copy_per_page

    alone = _copy(f"{P}/s3/", canonical=f"{P}/s3/")
    assert one_copy_per_page([alone], {address_key(alone.url): [alone.url]})[0] is alone


def test_an_audit_reports_a_page_at_its_tracking_and_own_addresses_once(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit
    from tests.test_audit_inputs import FAST, PUBLISHER, _originals, _site

    _originals(tmp_path / "originals")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        # The partner's copy names /news/story-3/ its canonical URL; it is also served at ?p=3 and shared with a campaign tag.
        copy = web.copy(PUBLISHER, partner, 3, "stripped")
        paths = ("/news/story-3/?utm_source=fb&utm_medium=social", "/?p=3", "/news/story-3/")
        for path in paths:
            routes[path] = (200, "text/html", copy, {})
        urls = ", ".join(partner + path for path in paths)
        (tmp_path / "audit.yaml").write_text(
            f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{urls}]}}\noutput: out/\n{FAST}", encoding="utf-8"
        )
        report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    copies = [c for story in report["stories"] for c in story["copies"]]
    assert [(c["url"], c["also_at"]) for c in copies] == [(f"{partner}/news/story-3/", [f"{partner}/?p=3", partner + paths[0]])]
    # As the README shows it.
    import json

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(readme.split("<!-- audit-also-at -->\n```json\n", 1)[1].split("```", 1)[0])
    shown = json.loads(json.dumps({"url": copies[0]["url"], "also_at": copies[0]["also_at"]}).replace(partner, "http://partner.example"))
    assert shown == example
    assert (report["pages_read"], report["copies"], report["unmatched_pages"]) == (1, 1, 0)
    assert report["sites"][0]["copies"] == 1


@pytest.mark.parametrize(
    ("published", "also_at", "earlier", "shown"),
    [
        # A copy read now, dated, at one address.
        ("2026-08-10", (), "", {"published": "2026-08-10", "also_at": [], "from_earlier_run": None, "carried_because": None}),
        # No date from the copy or its story: null, never "".
        ("", ("http://p.example/s3/?utm_source=x",), "", {"published": None, "also_at": ["http://p.example/s3/?utm_source=x"], "from_earlier_run": None}),
        # Carried from an earlier run, with its addresses.
        (
            "",
            ("http://p.example/s3/#c", "http://p.example/s3/amp/"),
            "2026-12-01",
            {"published": None, "from_earlier_run": "2026-12-01", "carried_because": "site not reached"},
        ),
    ],
)
def test_a_copy_in_the_json_and_in_stories_csv_says_the_same(published: str, also_at: tuple[str, ...], earlier: str, shown: dict[str, Any]) -> None:
    import csv
    import io

    from compliance.audit.report import CheckedCopy, build_report, stories_csv

    because = "site not reached" if earlier else ""
    copy = CheckedCopy(
        "s3",
        "http://p.example/s3/",
        "p.example",
        0.9,
        "text",
        ("p/logo",),
        ("p/logo",),
        (),
        published=published,
        also_at=also_at,
        from_earlier_run=earlier,
        carried_because=because,
    )
    report = build_report([copy], pages=1, unmatched=0, problems=[], stories=["s3"])
    (entry,) = report["stories"][0]["copies"]
    assert {k: entry[k] for k in shown} == shown
    (row,) = csv.DictReader(io.StringIO(stories_csv(report)))
    # Each of the copy's fields: the findings joined by spaces, the addresses one a line, a null as an empty cell.
    for field, value in entry.items():
        if field != "ignored_suppressions":
            joined = ("\n" if field == "also_at" else " ").join(value) if isinstance(value, list) else "" if value is None else str(value)
            assert row[field] == joined, field
    assert row["also_at"] == "\n".join(also_at) and row["published"] == published


def test_a_copy_without_a_date_is_counted_but_in_no_month() -> None:
    import csv
    import io

    from compliance.audit.report import CheckedCopy, build_report, stories_csv

    def copy(url: str, published: str) -> CheckedCopy:
        return CheckedCopy("s3", url, "p.example", 0.9, "text", ("p/logo",), ("p/logo",), (), published=published)

    report = build_report([copy("http://p.example/a/", "2026-08-10"), copy("http://p.example/b/", "")], pages=2, unmatched=0, problems=[], stories=["s3"])
    assert report["copies"] == 2 and report["sites"][0]["copies"] == 2
    assert report["over_time"] == [{"month": "2026-08", "copies": 1, "compliant": 0, "violations": {"p/logo": 1}}]
    rows = {row["url"]: row["published"] for row in csv.DictReader(io.StringIO(stories_csv(report)))}
    assert rows == {"http://p.example/a/": "2026-08-10", "http://p.example/b/": ""}
    assert [c["published"] for c in report["stories"][0]["copies"]] == ["2026-08-10", None]


def test_the_readme_names_the_columns_of_stories_csv() -> None:
    from compliance.audit.report import build_report, stories_csv
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("<!-- audit-stories-csv -->\n```\n", 1)[1].split("```", 1)[0]
    assert stories_csv(build_report([], pages=0, unmatched=0, problems=[], stories=["s3"])) == example + "s3" + "," * 9 + "\n"


@pytest.mark.parametrize(
    ("copies", "stories", "sites", "earlier", "line"),
    [
        (1, 1, 1, 0, "1 copy of 1 story on 1 site"),
        (2, 1, 1, 2, "2 copies of 1 story on 1 site, 2 as last read in an earlier run"),
        (11, 4, 3, 1, "11 copies of 4 stories on 3 sites, 1 as last read in an earlier run"),
        (0, 2, 0, 0, "0 copies of 2 stories on 0 sites"),
    ],
)
def test_the_closing_line_says_how_many_copies_are_an_earlier_runs(copies: int, stories: int, sites: int, earlier: int, line: str) -> None:
    from compliance.audit.report import summary_line

    report = {"copies": copies, "stories": [{}] * stories, "sites": [{}] * sites, "copies_from_earlier_runs": earlier}
    assert summary_line(report) == line


_DISALLOWED = "disallowed: robots.txt answered HTTP 503, which disallows the whole site (RFC 9309)"
_UNREACHABLE = "site unreachable: no connection to a.example (connection refused); nothing read there: check …"


@pytest.mark.parametrize(
    ("problems", "said"),
    [
        ([], ""),
        # The try-out's run: a page over max-bytes and a page the site says is gone.
        (
            [("p.example", "http://p.example/huge/", too_large(5_000_000)), ("p.example", "http://p.example/gone/", "HTTP 404")],
            "; 2 problems (1 page too large, 1 page gone)",
        ),
        # A site not read gives a line for its sitemap and each URL given: counted once; two sites, twice.
        (
            [
                ("a.example", "http://a.example/sitemap.xml", f"sitemap not read: {_UNREACHABLE}"),
                ("a.example", "http://a.example/x/", _UNREACHABLE),
                ("b.example", "http://b.example/sitemap.xml", f"sitemap not read: {_DISALLOWED}"),
            ],
            "; 3 problems (2 sites not read)",
        ),
        # A site whose robots.txt shuts the audit out is one site not read, its sitemap and pages
        # refused with it; a page another site's robots.txt forbids is a page not read.
        (
            [
                ("c.example", "http://c.example/sitemap.xml", "sitemap not read: disallowed by robots.txt"),
                ("c.example", "http://c.example/robots.txt", ROBOTS_FORBIDS_SITE),
                ("c.example", "http://c.example/s/", "disallowed by robots.txt"),
                ("e.example", "http://e.example/private/", "disallowed by robots.txt"),
                ("e.example", "http://e.example/feed/", "feed not read: disallowed by robots.txt"),
            ],
            "; 5 problems (1 site not read, 1 feed not read, 1 page not read)",
        ),
        # Every other kind, in the documented order; a server error or no answer is a page not read.
        (
            [
                ("c.example", "http://c.example/robots.txt", ROBOTS_FORBIDS_SITE),
                ("c.example", "http://c.example/s/", "disallowed by robots.txt"),
                ("d.example", "http://d.example/child.xml", "sitemap not read: HTTP 500"),
                ("d.example", "http://d.example/feed/", "feed not read: HTTP 502"),
                ("crawl.warc.gz", "crawl.warc.gz", "archive not read: not a gzip file"),
                ("d.example", "http://d.example/r/", "record cut short: 10 of its 90 bytes missing from the archive; not checked"),
                ("crawl.warc.gz", "crawl.warc.gz", "archive warning: a record not followed by its blank lines"),
                ("d.example", "http://d.example/410/", "HTTP 410"),
                ("d.example", "http://d.example/503/", "HTTP 503"),
                ("d.example", "http://d.example/429/", "HTTP 429, Retry-After 3600 s: longer than max-retry-after (60 s); not retried"),
            ],
            "; 10 problems (1 site not read, 1 sitemap not read, 1 feed not read, 1 archive not read, 1 archive record cut short, "
            "1 archive warning, 1 page gone, 2 pages not read)",
        ),
    ],
)
def test_the_closing_line_counts_the_problems_by_kind(problems: list[tuple[str, str, str]], said: str) -> None:
    from compliance.audit.report import build_report, summary_line

    report = build_report([], pages=3, unmatched=3, problems=problems, stories=["s"])
    assert summary_line(report) == f"0 copies of 1 story on 0 sites{said}"


@pytest.mark.parametrize(
    ("pages", "unmatched", "originals", "problems", "said"),
    [
        (
            1,
            1,
            0,
            [("p.example", "http://p.example/gone/", "HTTP 404")],
            "1 page read, {citing}, originals on the publisher's own site: 0, 1 page matched no story, 1 problem (1 page gone).",
        ),
        (2, 2, 0, [], "2 pages read, {citing}, originals on the publisher's own site: 0, 2 pages matched no story, 0 problems."),
        (3, 1, 2, [], "3 pages read, {citing}, originals on the publisher's own site: 2, 1 page matched no story, 0 problems."),
    ],
)
def test_the_dashboard_counts_agree_with_their_nouns(pages: int, unmatched: int, originals: int, problems: list[tuple[str, str, str]], said: str) -> None:
    from compliance.audit.report import build_report, dashboard_html

    page = dashboard_html(build_report([], pages=pages, unmatched=unmatched, originals=originals, problems=problems, stories=["s"]))
    assert f"<p>{said.format(citing='0 copies of 1 story, 0 pages cite a story without republishing it')}</p>" in page


def test_the_readme_names_the_evidence_notes_severity_as_its_pack_does() -> None:
    import yaml

    from tests.conftest import ROOT

    rules = yaml.safe_load((ROOT / "rules" / "propublica.yaml").read_text(encoding="utf-8"))["rules"]
    severity = next(rule["severity"] for rule in rules if rule["id"] == "propublica/original-in-head")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"(`propublica/original-in-head`, severity `{severity}`)" in readme
    assert "its warning (`propublica/original-in-head`)" not in readme
