"""`syndcheck audit` run again over the same state: a partner site that cannot be reached this time
keeps its last known copies and verdicts in the summary, marked with the date of the run that read
them, instead of dropping out of it as if it were compliant by absence."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit import loopback_only, web  # noqa: F401 - the module's guard: no request leaves loopback
from tests.test_audit_inputs import FAST, PUBLISHER, _originals, _site, utc_day

Routes = dict[str, tuple[int, str, bytes, dict[str, str]]]


def _partner(routes: Routes, base: str, carried: dict[int, str]) -> None:
    """The partner at `base` serves `carried` (story → variant) under /news/story-N/, and a sitemap of them."""
    for path in [p for p in routes if p.startswith("/news/")]:
        del routes[path]
    for index, variant in carried.items():
        routes[f"/news/story-{index}/"] = (200, "text/html", web.copy(PUBLISHER, base, index, variant), {})
    unrelated = web.page("Bake sale", "<p>" + " ".join(web.story_paragraphs(99)) + "</p>", canonical=base + "/news/unrelated/", site_name="x")
    routes["/news/unrelated/"] = (200, "text/html", unrelated, {})
    routes["/sitemap.xml"] = (200, "application/xml", web.sitemap([base + p for p in sorted(routes) if p.startswith("/news/")]), {})


def _config(tmp: Path, *sitemaps: str, pack: str = "dcnf") -> Path:
    _originals(tmp / "originals")
    sources = "".join(f"  - site: {{sitemap: {url}}}\n" for url in sitemaps)
    path = tmp / "audit.yaml"
    path.write_text(f"pack: {pack}\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
    return path


def _audit(config: Path) -> dict[str, Any]:
    from compliance.audit.run import load_audit_config, run_audit

    return run_audit(load_audit_config(config))


def _site_entry(report: dict[str, Any], base: str) -> dict[str, Any]:
    return next(s for s in report["sites"] if s["site"] == base.split("//")[1])


def _copies(report: dict[str, Any], base: str) -> dict[str, tuple[list[str], str | None]]:
    return {c["url"].removeprefix(base): (c["findings"], c["from_earlier_run"]) for s in report["stories"] for c in s["copies"] if c["url"].startswith(base)}


def test_a_site_down_on_a_rerun_keeps_its_last_known_copies_marked_with_their_run(tmp_path: Path) -> None:
    down_routes: Routes = {}
    up_routes: Routes = {}
    with _site(up_routes) as up:
        _partner(up_routes, up, {0: "compliant", 1: "stripped"})
        with _site(down_routes) as down:
            _partner(down_routes, down, {2: "compliant", 3: "stripped"})
            config = _config(tmp_path, f"{down}/sitemap.xml", f"{up}/sitemap.xml")
            read_on = utc_day()
            first = _audit(config)
        second = _audit(config)
    assert _site_entry(first, down)["from_earlier_run"] is None
    assert first["copies_from_earlier_runs"] == 0
    entry = _site_entry(second, down)
    # The same copies, verdicts and rate as last read, marked as read in the earlier run.
    assert (entry["from_earlier_run"], entry["carried_because"]) == (read_on, "site not reached")
    marks = ("from_earlier_run", "carried_because")
    assert {k: v for k, v in entry.items() if k not in marks} == {k: v for k, v in _site_entry(first, down).items() if k not in marks}
    assert _copies(second, down) == {path: (findings, read_on) for path, (findings, _) in _copies(first, down).items()}
    assert (second["copies"], second["copies_from_earlier_runs"]) == (first["copies"], 2)
    # Only what was read counts as read; the site's unreachability is still a problem.
    assert second["pages_read"] == first["pages_read"] - 3
    assert any(p["url"] == f"{down}/sitemap.xml" for p in second["problems"])
    # The site that answered is as it was.
    assert _site_entry(second, up) == _site_entry(first, up)
    assert _copies(second, up) == _copies(first, up)
    out = tmp_path / "out"
    rows = {row["site"]: row["from_earlier_run"] for row in csv.DictReader(io.StringIO((out / "sites.csv").read_text(encoding="utf-8")))}
    assert rows == {down.split("//")[1]: read_on, up.split("//")[1]: ""}
    dashboard = (out / "dashboard.html").read_text(encoding="utf-8")
    assert f"(not reached in this run: copies as read on {read_on})" in dashboard
    assert "2 copies as last read in an earlier run (not read in this one)" in dashboard
    assert dashboard.count(f"(as read on {read_on}; its site not reached in this run)") == 2


def test_the_copies_carried_are_those_of_the_last_run_that_reached_the_site(tmp_path: Path) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped", 2: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        _audit(config)
        # The partner takes story 2 down and fixes story 1; then its site goes down.
        _partner(routes, partner, {0: "compliant", 1: "compliant"})
        read_on = utc_day()
        reached = _audit(config)
    down = _audit(config)
    assert _copies(reached, partner) == {"/news/story-0/": ([], None), "/news/story-1/": ([], None)}
    assert _copies(down, partner) == {"/news/story-0/": ([], read_on), "/news/story-1/": ([], read_on)}
    assert _site_entry(down, partner)["compliance_rate"] == 1.0


@pytest.mark.parametrize(
    "second",
    [
        # Reached again: its copies are read again, nothing carried.
        "up",
        # Reached, its copies taken down (the sitemap lists only an unrelated page): none carried.
        "copies-gone",
    ],
)
def test_a_site_reached_on_the_rerun_carries_nothing_over(tmp_path: Path, second: str) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        first = _audit(config)
        if second == "copies-gone":
            _partner(routes, partner, {})
        rerun = _audit(config)
    assert rerun["copies_from_earlier_runs"] == 0
    if second == "up":
        assert rerun == first
    else:
        assert rerun["copies"] == 0 and rerun["sites"] == []


def test_copies_checked_with_another_pack_are_not_carried(tmp_path: Path) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        _audit(_config(tmp_path, f"{partner}/sitemap.xml", pack="propublica"))
    down = _audit(_config(tmp_path, f"{partner}/sitemap.xml", pack="dcnf"))
    assert (down["copies"], down["sites"]) == (0, [])
    assert [p["url"] for p in down["problems"]] == [f"{partner}/sitemap.xml"]


def test_the_readme_example_of_a_site_not_reached_is_what_the_audit_writes(tmp_path: Path) -> None:
    import json
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(readme.split("<!-- audit-earlier-run -->\n```json\n", 1)[1].split("```", 1)[0])
    routes: Routes = {}
    with _site(routes) as partner:
        # As the example: two copies, the second stripped of its logo and affiliation.
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        read_on = utc_day()
        _audit(config)
    entry = _site_entry(_audit(config), partner)
    assert entry.keys() == example.keys()
    host = example["site"]
    same = ("copies", "compliant", "compliance_rate", "violations", "ignored_suppressions")
    assert {k: entry[k] for k in same} == {k: example[k] for k in same}
    assert [(w["url"].replace(partner, f"http://{host}"), w["findings"]) for w in entry["worst"]] == [(w["url"], w["findings"]) for w in example["worst"]]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", example["from_earlier_run"]) and entry["from_earlier_run"] == read_on


@pytest.mark.parametrize("source", ["sitemap", "urls"])
def test_a_site_answering_only_server_errors_on_the_rerun_keeps_its_copies(tmp_path: Path, source: str) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        if source == "sitemap":
            config = _config(tmp_path, f"{partner}/sitemap.xml")
        else:
            _originals(tmp_path / "originals")
            urls = ", ".join(f"{partner}/news/story-{i}/" for i in (0, 1))
            audit = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{urls}]}}\noutput: out/\n{FAST}"
            config = tmp_path / "audit.yaml"
            config.write_text(audit, encoding="utf-8")
        read_on = utc_day()
        first = _audit(config)
        # Down for maintenance: every path, robots.txt included, answers 503.
        for path in [*routes, "/robots.txt"]:
            routes[path] = (503, "text/plain", b"maintenance", {})
        second = _audit(config)
    assert second["problems"] and all("503" in p["problem"] for p in second["problems"])
    assert _copies(second, partner) == {path: (findings, read_on) for path, (findings, _) in _copies(first, partner).items()}
    assert _site_entry(second, partner)["compliance_rate"] == _site_entry(first, partner)["compliance_rate"] == 0.5


def _readme_block(marker: str, kind: str = "json") -> str:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"<!-- {marker} -->\n```{kind}\n", 1)[1].split("```", 1)[0]


def _shared(routes: Routes, base: str) -> None:
    """The partner at `base` as `_partner` makes it, its sitemap also listing story 0 at a tracking
    address and with a fragment, and story 1 at a second address naming the same canonical URL."""
    _partner(routes, base, {0: "compliant", 1: "stripped"})
    routes["/news/story-1/index.html"] = routes["/news/story-1/"]
    routes["/news/story-0/?utm_source=fb&utm_medium=social"] = routes["/news/story-0/"]
    # As a sitemap's XML writes the "&" of an address.
    listed = [f"{base}/news/story-0/", f"{base}/news/story-0/?utm_source=fb&amp;utm_medium=social", f"{base}/news/story-0/#comments"]
    listed += [f"{base}/news/story-1/", f"{base}/news/story-1/index.html", f"{base}/news/unrelated/"]
    routes["/sitemap.xml"] = (200, "application/xml", web.sitemap(listed), {})


def _shown(report: dict[str, Any], base: str) -> dict[str, tuple[list[str], list[str], str | None, str | None]]:
    """Each copy on `base`: (findings, also_at, from_earlier_run, carried_because), by its path."""
    return {
        c["url"].removeprefix(base): (c["findings"], [u.removeprefix(base) for u in c["also_at"]], c["from_earlier_run"], c["carried_because"])
        for s in report["stories"]
        for c in s["copies"]
        if c["url"].startswith(base)
    }


@pytest.mark.parametrize("down", ["gone", "every-answer-503"])
def test_a_carried_copy_keeps_every_address_it_was_read_at(cli: Any, tmp_path: Path, down: str) -> None:
    import json

    routes: Routes = {}
    with _site(routes) as partner:
        _shared(routes, partner)
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        read_on = utc_day()
        first = _audit(config)
        if down == "every-answer-503":
            for path in [*routes, "/robots.txt"]:
                routes[path] = (503, "text/plain", b"maintenance", {})
            run = cli("audit", str(config))
    if down == "gone":
        run = cli("audit", str(config))
    assert run.code == 0, run.err
    second = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    read = _shown(first, partner)
    assert read["/news/story-0/"][1] == ["/news/story-0/#comments", "/news/story-0/?utm_source=fb&utm_medium=social"]
    assert read["/news/story-1/"][1] == ["/news/story-1/index.html"]
    # Carried as the last run reported them: the same addresses and verdicts, dated, and why.
    assert _shown(second, partner) == {path: (findings, also_at, read_on, "site not reached") for path, (findings, also_at, _, _) in read.items()}
    # The closing line says the copies are an earlier run's, as the README shows it.
    example = _readme_block("audit-closing-line", "").strip()
    assert run.out.strip() == example.replace("; reports in out", f"; reports in {tmp_path / 'out'}")
    # The README's carried copy has the fields and the shape of one the audit writes.
    shown = json.loads(_readme_block("audit-earlier-copy"))
    (copy,) = [c for s in second["stories"] for c in s["copies"] if c["url"].endswith("/news/story-0/")]
    assert shown.keys() <= copy.keys()
    assert [u.removeprefix(partner) for u in copy["also_at"]] == [u.removeprefix("http://partner-a.example") for u in shown["also_at"]]
    assert (copy["carried_because"], shown["carried_because"]) == ("site not reached", "site not reached")


def test_a_copy_carried_twice_keeps_the_date_and_addresses_of_the_run_that_read_it(tmp_path: Path) -> None:
    from compliance.audit.state import AuditState

    routes: Routes = {}
    with _site(routes) as partner:
        _shared(routes, partner)
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        first_started = time.time()
        first = _audit(config)
    _audit(config)
    # The run that read the site is dated a day earlier: a second carry keeps its date, not the last run's.
    state = AuditState(tmp_path / "out" / "audit-state.sqlite")
    state.db.execute("update runs set started = started - 86400 where id = 1")
    state.db.commit()
    state.close()
    third = _audit(config)
    yesterday = time.strftime("%Y-%m-%d", time.gmtime(first_started - 86400))
    assert _shown(third, partner) == {
        path: (findings, also_at, yesterday, "site not reached") for path, (findings, also_at, _, _) in _shown(first, partner).items()
    }


@pytest.mark.parametrize(
    ("robots", "carried_because"),
    [
        # Its own robots.txt forbids everything, or every page the audit reads there: it forbids crawling.
        (b"User-agent: *\nDisallow: /\n", "robots.txt forbids crawling"),
        (b"User-agent: syndcheck-audit\nDisallow: /\n", "robots.txt forbids crawling"),
        (b"User-agent: *\nDisallow: /news/\n", "robots.txt forbids crawling"),
    ],
)
def test_a_site_whose_robots_txt_forbids_crawling_is_its_own_problem_and_keeps_its_copies(tmp_path: Path, robots: bytes, carried_because: str) -> None:
    from compliance.audit.run import ROBOTS_FORBIDS_SITE

    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        read_on = utc_day()
        first = _audit(config)
        routes["/robots.txt"] = (200, "text/plain", robots, {})
        second = _audit(config)
    assert _copies(second, partner) == {path: (findings, read_on) for path, (findings, _) in _copies(first, partner).items()}
    assert _site_entry(second, partner)["carried_because"] == carried_because
    assert {"site": partner.split("//")[1], "url": f"{partner}/robots.txt", "problem": ROBOTS_FORBIDS_SITE} in second["problems"]
    # The README quotes the problem as the audit writes it.
    from tests.conftest import ROOT

    assert ROBOTS_FORBIDS_SITE in " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    dashboard = (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert f"(its robots.txt forbids crawling it: copies as read on {read_on})" in dashboard


@pytest.mark.parametrize(
    ("robots", "problem"),
    [
        # Not the site's own rule: a robots.txt that cannot be read is the site down (RFC 9309).
        ((503, "text/plain", b"maintenance", {}), "site not reached"),
        # Its robots.txt allows the audit: nothing of robots in the outcome.
        ((200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}), None),
    ],
)
def test_a_robots_txt_that_forbids_nothing_of_the_site_is_no_robots_problem(
    tmp_path: Path, robots: tuple[int, str, bytes, dict[str, str]], problem: str | None
) -> None:
    from compliance.audit.run import ROBOTS_FORBIDS_SITE

    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        _audit(config)
        routes["/robots.txt"] = robots
        second = _audit(config)
    assert ROBOTS_FORBIDS_SITE not in {p["problem"] for p in second["problems"]}
    assert _site_entry(second, partner)["carried_because"] == problem


def test_a_site_forbidding_crawling_on_its_first_audit_is_a_problem_and_has_no_copies(tmp_path: Path) -> None:
    from compliance.audit.report import summary_line
    from compliance.audit.run import ROBOTS_FORBIDS_SITE

    routes: Routes = {"/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /\n", {})}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant"})
        report = _audit(_config(tmp_path, f"{partner}/sitemap.xml"))
    assert (report["copies"], report["sites"]) == (0, [])
    assert {p["url"]: p["problem"] for p in report["problems"]}[f"{partner}/robots.txt"] == ROBOTS_FORBIDS_SITE
    # One site not read, its sitemap refused with it: not a sitemap not read as well.
    assert summary_line(report) == "0 copies of 4 stories on 0 sites; 2 problems (1 site not read)"


@pytest.mark.parametrize(
    ("answer", "carried"),
    [
        # The page failed (a server error, robots.txt forbidding that page): its copy is carried.
        ((503, "text/plain", b"busy", {}), True),
        ("robots", True),
        # The site says the page is gone: its copy is not carried, as one no longer listed.
        ((404, "text/plain", b"not found", {}), False),
        ((410, "text/plain", b"gone", {}), False),
    ],
)
def test_a_page_that_fails_while_its_site_answers_keeps_its_copy(tmp_path: Path, answer: Any, carried: bool) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _shared(routes, partner)
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        read_on = utc_day()
        first = _audit(config)
        if answer == "robots":
            routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /news/story-1/\n", {})
        else:
            routes["/news/story-1/"] = routes["/news/story-1/index.html"] = answer
        second = _audit(config)
    read = _shown(first, partner)
    expected = {"/news/story-0/": read["/news/story-0/"]}
    if carried:
        findings, also_at, _, _ = read["/news/story-1/"]
        expected["/news/story-1/"] = (findings, also_at, read_on, "page not read")
    assert _shown(second, partner) == expected
    assert second["copies_from_earlier_runs"] == int(carried)
    assert _site_entry(second, partner)["carried_because"] == ("page not read" if carried else None)
    if carried:
        dashboard = (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
        assert f"(as read on {read_on}; the page not read in this run)" in dashboard


def test_a_page_read_at_another_of_its_addresses_is_not_carried(tmp_path: Path) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _shared(routes, partner)
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        first = _audit(config)
        # Its own address fails; the second address of the same page still answers.
        routes["/news/story-1/"] = (503, "text/plain", b"busy", {})
        second = _audit(config)
    assert second["copies_from_earlier_runs"] == 0
    (fresh,) = [c for s in second["stories"] for c in s["copies"] if "story-1" in c["url"]]
    assert fresh["url"] == f"{partner}/news/story-1/index.html" and fresh["from_earlier_run"] is None
    assert fresh["findings"] == _shown(first, partner)["/news/story-1/"][0]


def test_a_page_carried_and_then_its_site_down_keeps_the_date_it_was_read(tmp_path: Path) -> None:
    import sqlite3

    routes: Routes = {}
    with _site(routes) as partner:
        _shared(routes, partner)
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        first_started = time.time()
        first = _audit(config)
        state = tmp_path / "out" / "audit-state.sqlite"
        with sqlite3.connect(state) as db:
            db.execute("update runs set started = started - 86400 where id = 1")
        routes["/news/story-1/"] = routes["/news/story-1/index.html"] = (503, "text/plain", b"busy", {})
        read_on = utc_day()
        _audit(config)
    down = _audit(config)
    yesterday = time.strftime("%Y-%m-%d", time.gmtime(first_started - 86400))
    read = _shown(first, partner)
    # Story 1 as the first run read it (carried by the second); story 0 as the second read it.
    assert _shown(down, partner) == {
        "/news/story-0/": (*read["/news/story-0/"][:2], read_on, "site not reached"),
        "/news/story-1/": (*read["/news/story-1/"][:2], yesterday, "site not reached"),
    }
    # The state keeps the reports only of runs that last read some page (1: story 1's, 2: the
    # others'), which a later run may carry from; the third read nothing.
    with sqlite3.connect(state) as db:
        assert {run for (run,) in db.execute("select distinct run from reported")} == {1, 2}


def _archive(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))


@pytest.mark.parametrize("other", ["folder", "warc", "both"])
def test_a_site_down_keeps_its_crawled_copies_whatever_other_sources_file_under_its_host(tmp_path: Path, other: str) -> None:
    # A saved page naming the partner's canonical URL, or an archived record of its host, is filed
    # under the partner's site: the site is still not reached, and its crawled copies are carried.
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped", 2: "stripped"})
        sources = f"  - site: {{sitemap: {partner}/sitemap.xml}}\n"
        if other in ("folder", "both"):
            (tmp_path / "saved").mkdir()
            (tmp_path / "saved" / "story-3.html").write_bytes(web.copy(PUBLISHER, partner, 3, "stripped"))
            sources += "  - folder: saved/\n"
        if other in ("warc", "both"):
            _archive(tmp_path / "crawl.warc.gz", [(f"{partner}/archived/story-4/", web.copy(PUBLISHER, partner, 4, "compliant"))])
            sources += "  - warc: crawl.warc.gz\n"
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        config.write_text(config.read_text(encoding="utf-8").replace(f"  - site: {{sitemap: {partner}/sitemap.xml}}\n", sources), encoding="utf-8")
        read_on = utc_day()
        first = _audit(config)
    second = _audit(config)
    read = _copies(first, partner)
    crawled = {f"/news/story-{i}/" for i in (0, 1, 2)}
    assert crawled <= set(read) and all(when is None for _, when in read.values())
    # The crawled copies as last read, dated; those of the other sources read again, not carried or doubled.
    assert _copies(second, partner) == {path: (findings, read_on if path in crawled else None) for path, (findings, _) in read.items()}
    saved = [c for s in second["stories"] for c in s["copies"] if c["url"].startswith("saved")]
    assert [(c["site"], c["from_earlier_run"]) for c in saved] == ([(partner.split("//")[1], None)] if other != "warc" else [])
    assert (second["copies"], second["copies_from_earlier_runs"]) == (first["copies"], 3)
    entry = _site_entry(second, partner)
    assert (entry["copies"], entry["carried_because"]) == (_site_entry(first, partner)["copies"], "site not reached")


def test_a_site_whose_robots_txt_answers_503_on_the_rerun_is_one_site_not_read_though_another_redirects_there(cli: Any, tmp_path: Path) -> None:
    routes: Routes = {}
    other: Routes = {}
    with _site(routes) as partner, _site(other) as elsewhere:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        other["/robots.txt"] = (404, "text/plain", b"", {})
        other["/news/story-2/"] = (200, "text/html", web.copy(PUBLISHER, elsewhere, 2, "stripped"), {})
        other["/sitemap.xml"] = (200, "application/xml", web.sitemap([f"{elsewhere}/news/story-2/"]), {})
        # A page of the first partner that redirects to the second's copy.
        routes["/go/other"] = (302, "text/html", b"", {"Location": f"{elsewhere}/news/story-2/"})
        config = _config(tmp_path, f"{partner}/sitemap.xml", f"{elsewhere}/sitemap.xml")
        config.write_text(config.read_text(encoding="utf-8").replace("output:", f"  - site: {{urls: [{partner}/go/other]}}\noutput:"), encoding="utf-8")
        read_on = utc_day()
        assert cli("audit", str(config)).code == 0
        other["/robots.txt"] = (503, "text/plain", b"down", {})
        run = cli("audit", str(config))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    host = elsewhere.removeprefix("http://")
    (carried,) = [c for s in report["stories"] for c in s["copies"] if c["site"] == host]
    # Nothing of it read in this run: its copy is carried as that of a site not reached, and it is one site not read.
    assert (carried["from_earlier_run"], carried["carried_because"]) == (read_on, "site not reached")
    problems = {p["url"]: p["problem"] for p in report["problems"]}
    assert problems[f"{partner}/go/other"].startswith(f"disallowed: the robots.txt of {host} answered HTTP 503")
    assert problems[f"{elsewhere}/sitemap.xml"] == "sitemap not read: disallowed: robots.txt answered HTTP 503, which disallows the whole site (RFC 9309)"
    assert run.out.startswith("3 copies of 4 stories on 2 sites, 1 as last read in an earlier run; 2 problems (1 site not read, 1 page not read); "), run.out
