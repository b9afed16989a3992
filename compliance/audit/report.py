"""The licensor's reports, as pure functions of the checked copies: `report.json`, `sites.csv`,
`stories.csv` and a self-contained `dashboard.html` with inline SVG charts (matplotlib, Agg/SVG).

A copy is compliant when no finding at severity `error` was reported for it (what
`syndcheck check` fails on by default).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from compliance.display import visible
from compliance.text import counted

REPORT_VERSION = 1


# Why the audit kept a copy as an earlier run read it: its site gave nothing (down, unanswered,
# its robots.txt unreadable), its site's own robots.txt forbids the audit every page of it, or its
# site answered but this page failed (a server error, no answer; a page gone, 404 or 410, is not kept).
SITE_NOT_REACHED = "site not reached"
ROBOTS_FORBID = "robots.txt forbids crawling"
PAGE_NOT_READ = "page not read"
# The site was read, but a sitemap (an index's child) or feed that listed the page could not be.
LISTING_NOT_READ = "its sitemap or feed not read"
CARRIED_BECAUSE = (SITE_NOT_REACHED, ROBOTS_FORBID, PAGE_NOT_READ, LISTING_NOT_READ)


@dataclass(frozen=True, slots=True)
class CheckedCopy:
    """One republication, checked: rule ids of its findings at severity warning or error (its
    violations: an info finding is a note the terms do not require), the messages of those that
    matter most as evidence (`run.worst_findings`: errors first, then by rule), its publication date."""

    story: str
    url: str
    site: str
    similarity: float
    matched_by: str
    findings: tuple[str, ...]
    errors: tuple[str, ...]
    evidence: tuple[str, ...]
    # The copy's publication date (YYYY-MM-DD, its own or else its story's), or "" when neither gives one.
    published: str = ""
    # Suppression comments in the page that the audit did not obey (the page is the partner's: it
    # cannot turn the licensor's checks off), shown so that the attempt is seen.
    ignored_suppressions: int = 0
    # The date (YYYY-MM-DD, UTC) of the earlier run this copy was last read in, when its site could
    # not be reached in this one (its last known copy and verdict); "" for a copy read in this run.
    from_earlier_run: str = ""
    # The page's canonical URL when it is on the copy's own site ("" when it names none there): with
    # its addresses, what makes pages read at several addresses one copy (`run.one_copy_per_page`).
    canonical: str = ""
    # The other addresses the same page was read at (tracking parameters, http and https, a
    # trailing slash, another address with the same canonical URL), `url` being the one reported.
    also_at: tuple[str, ...] = ()
    # Why a copy carried over from an earlier run was not read in this one (`CARRIED_BECAUSE`); "" for one read now.
    carried_because: str = ""

    @property
    def compliant(self) -> bool:
        """No finding at severity error."""
        return not self.errors


def build_report(
    copies: Sequence[CheckedCopy],
    *,
    pages: int,
    unmatched: int,
    problems: Sequence[tuple[str, str, str]],
    stories: Sequence[str],
    citing: int = 0,
    originals: int = 0,
) -> dict[str, Any]:
    """The JSON report: `sites` (site, copies, compliant, compliance_rate, violations, worst,
    ignored_suppressions, from_earlier_run, carried_because), `stories` (each copy with its
    publication date, null when neither it nor its story gives one, the suppression comments it held
    that were not obeyed, from_earlier_run, carried_because, and also_at: the other addresses it
    was read at), `over_time` (by month of publication: copies, compliant, violations), `problems`,
    totals (`pages_read`, `copies`, `copies_from_earlier_runs`, `citing_pages`: pages that only
    cite a story, `own_site_originals`: the publisher's own pages, its originals, neither copies nor
    unmatched, and `unmatched_pages`).

    A copy carried over from an earlier run (not read in this one, `from_earlier_run` its date and
    `carried_because` why: one of `CARRIED_BECAUSE`) counts in its site's figures, its story's
    copies and the months as its last known verdict; `from_earlier_run` of a site is the oldest such
    date among its copies and `carried_because` their reasons, joined by "; " (both null when every
    copy was read in this run), and `pages_read` counts only the pages read in this run."""
    ordered = sorted(copies, key=lambda c: (c.site, c.url))
    by_site: dict[str, list[CheckedCopy]] = defaultdict(list)
    for copy in ordered:
        by_site[copy.site].append(copy)
    sites = []
    for site, found in sorted(by_site.items()):
        compliant = sum(c.compliant for c in found)
        violations = Counter(rule for c in found for rule in c.findings)
        # Most errors first, then most findings: a copy with two errors is worse than one with one and warnings.
        worst = sorted((c for c in found if not c.compliant), key=lambda c: (-len(c.errors), -len(c.findings), c.url))[:5]
        sites.append(
            {
                "site": site,
                "copies": len(found),
                "compliant": compliant,
                "compliance_rate": round(compliant / len(found), 4),
                "violations": dict(sorted(violations.items(), key=lambda kv: (-kv[1], kv[0]))),
                "worst": [{"url": c.url, "findings": list(c.findings), "evidence": [visible(e) for e in c.evidence]} for c in worst],
                "ignored_suppressions": sum(c.ignored_suppressions for c in found),
                "from_earlier_run": min((c.from_earlier_run for c in found if c.from_earlier_run), default=None),
                "carried_because": "; ".join(sorted({c.carried_because for c in found if c.carried_because})) or None,
            }
        )
    by_story: dict[str, list[CheckedCopy]] = {s: [] for s in stories}
    for copy in ordered:
        by_story.setdefault(copy.story, []).append(copy)
    story_entries = [
        {
            "story": story,
            "copies": [
                {
                    "url": c.url,
                    "site": c.site,
                    "similarity": c.similarity,
                    "matched_by": c.matched_by,
                    "findings": list(c.findings),
                    "published": c.published or None,
                    "ignored_suppressions": c.ignored_suppressions,
                    "from_earlier_run": c.from_earlier_run or None,
                    "carried_because": c.carried_because or None,
                    "also_at": list(c.also_at),
                }
                for c in found
            ],
        }
        for story, found in sorted(by_story.items())
    ]
    months: dict[str, list[CheckedCopy]] = defaultdict(list)
    for copy in ordered:
        if copy.published:
            months[copy.published[:7]].append(copy)
    over_time = [
        {
            "month": month,
            "copies": len(found),
            "compliant": sum(c.compliant for c in found),
            "violations": dict(sorted(Counter(rule for c in found for rule in c.findings).items(), key=lambda kv: (-kv[1], kv[0]))),
        }
        for month, found in sorted(months.items())
    ]
    return {
        "version": REPORT_VERSION,
        "pages_read": pages,
        "copies": len(ordered),
        "copies_from_earlier_runs": sum(bool(c.from_earlier_run) for c in ordered),
        "citing_pages": citing,
        "own_site_originals": originals,
        "unmatched_pages": unmatched,
        "sites": sites,
        "stories": story_entries,
        "over_time": over_time,
        # A problem's text quotes what a partner sent (a URL, a server's words, warcio's warning of
        # an archive's bytes): shown safely, as `check`'s messages show page text (`\x1b`), so that
        # `jq -r` prints no terminal sequence. Its site and address are data, kept exact.
        "problems": [{"site": s, "url": u, "problem": visible(p)} for s, u, p in sorted(set(problems))],
    }


def summary_line(report: dict[str, Any]) -> str:
    """The audit's closing line (before where its reports are): `2 copies of 1 story on 1 site`,
    how many of them are as an earlier run read them (`, 2 as last read in an earlier run`), the
    publisher's own pages read (`; originals on the publisher's own site: 2`, when any) and the
    problems met, by kind (`; 2 problems (1 site not read, 1 page too large)`; see `problem_kinds`)."""
    copies, stories, sites = report["copies"], len(report["stories"]), len(report["sites"])
    counted = f"{counted_as(copies, 'copy', 'copies')} of {counted_as(stories, 'story', 'stories')} on {counted_as(sites, 'site', 'sites')}"
    earlier = report.get("copies_from_earlier_runs", 0)
    problems = report.get("problems", [])
    originals = int(report.get("own_site_originals", 0))
    # The publisher's own pages, when the audit read any: not copies, and not pages that matched nothing.
    own = f"; {own_site_originals(originals)}" if originals else ""
    return counted + (f", {earlier} as last read in an earlier run" if earlier else "") + own + (f"; {problems_counted(problems)}" if problems else "")


def counted_as(count: int, one: str, many: str) -> str:
    """`1 copy`, `2 copies`: a count with its noun in agreement (`one` for 1, else `many`)."""
    return f"{count} {one if count == 1 else many}"


# The kinds of problem the audit meets, by how each problem line starts or what it says (where it is
# written: `fetching`, `sources`, `run`), as (pattern, one, many, counted once per site). A site not
# read (unreachable, or its robots.txt shutting the audit out of all of it) gives a line for each URL
# of it the audit was given, and is counted once. The first pattern that matches decides; a line no
# pattern matches is a page not read (a server error, no answer, a redirect loop, robots.txt).
PROBLEM_KINDS: tuple[tuple[re.Pattern[str], str, str, bool], ...] = (
    (re.compile(r"site unreachable|disallows the whole site|^robots\.txt forbids crawling"), "site not read", "sites not read", True),
    (re.compile(r"^sitemap (?:not read|loop)"), "sitemap not read", "sitemaps not read", False),
    (re.compile(r"^feed not read"), "feed not read", "feeds not read", False),
    (re.compile(r"^archive not read"), "archive not read", "archives not read", False),
    (re.compile(r"^archive damaged"), "damaged archive part skipped", "damaged archive parts skipped", False),
    (re.compile(r"^record cut short"), "archive record cut short", "archive records cut short", False),
    (re.compile(r"^\d+ files? not read: neither named as a page"), "folder with files not read", "folders with files not read", False),
    (re.compile(r"^the folder holds no file"), "empty folder", "empty folders", False),
    (re.compile(r"^archive warning"), "archive warning", "archive warnings", False),
    (re.compile(r"^larger than \d+ bytes"), "page too large", "pages too large", False),
    (re.compile(r"^HTTP 4(?!29)\d\d\b"), "page gone", "pages gone", False),
    (re.compile(r"^not checked: "), "page not checked", "pages not checked", False),
    (re.compile(r"^story not read: "), "story not read", "stories not read", False),
)
_PAGE_NOT_READ = ("page not read", "pages not read")
# What a URL robots.txt forbids says (`fetching.robots_refusal`: `fetching.ROBOTS_REFUSAL`, its
# sitemap's `sitemap not read: …` too, or a redirect's on the same site, `… at /path, after a
# redirect from /path`): of a site whose robots.txt shuts the audit out of all of it, one of the
# URLs of that one site not read.
_ROBOTS_REFUSAL = re.compile(r"disallowed by robots\.txt(?:$| at )")


def problem_kinds(problems: Sequence[dict[str, str]]) -> list[str]:
    """The problems of `report.json` counted by kind, in `PROBLEM_KINDS` order, pages not read last:
    `["1 site not read", "2 pages too large"]` (a site not read counted once however many of its
    URLs failed: those its robots.txt forbids, its sitemap's among them, are that site's)."""
    lines: Counter[tuple[str, str]] = Counter()
    sites: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    kinds = [next((k for k in PROBLEM_KINDS if k[0].search(problem["problem"])), None) for problem in problems]
    shut_out = {problem["site"] for problem, kind in zip(problems, kinds, strict=True) if kind is PROBLEM_KINDS[0]}
    for problem, kind in zip(problems, kinds, strict=True):
        if problem["site"] in shut_out and _ROBOTS_REFUSAL.search(problem["problem"]):
            continue
        if kind is None:
            lines[_PAGE_NOT_READ] += 1
        elif kind[3]:
            sites[kind[1], kind[2]].add(problem["site"])
        else:
            lines[kind[1], kind[2]] += 1
    order = [(one, many) for _, one, many, _ in PROBLEM_KINDS] + [_PAGE_NOT_READ]
    return [counted_as(lines[key] + len(sites[key]), *key) for key in order if lines[key] or sites[key]]


def problems_counted(problems: Sequence[dict[str, str]]) -> str:
    """`2 problems (1 site not read, 1 page too large)`, or `0 problems`."""
    counted = counted_as(len(problems), "problem", "problems")
    return f"{counted} ({', '.join(problem_kinds(problems))})" if problems else counted


def _citing(count: int) -> str:
    """`2 pages cite a story without republishing it` for the dashboard."""
    pages = "1 page cites" if count == 1 else f"{count} pages cite"
    return f"{pages} a story without republishing it"


def own_site_originals(count: int) -> str:
    """`originals on the publisher's own site: 2`: the publisher's own pages the audit read."""
    return f"originals on the publisher's own site: {count}"


def _unmatched(count: int) -> str:
    """`1 page matched no story`, `2 pages matched no story` for the dashboard."""
    return f"{counted_as(count, 'page', 'pages')} matched no story"


def _ignored(copy: dict[str, Any]) -> str:
    """`; 2 suppression comments in the page ignored` for the dashboard, or nothing."""
    count = int(copy.get("ignored_suppressions", 0))
    return f"; {counted(count, 'suppression comment')} in the page ignored" if count else ""


def _carried(count: int) -> str:
    """`2 copies as last read in an earlier run (not read in this one), ` for the dashboard, or nothing."""
    if not count:
        return ""
    copies = "1 copy" if count == 1 else f"{count} copies"
    return f"{copies} as last read in an earlier run (not read in this one), "


def _notes(copy: dict[str, Any]) -> str:
    """What the dashboard says after a copy's verdict: ignored suppressions, an earlier run, other addresses."""
    return _ignored(copy) + _earlier_copy(copy) + _also_at(copy)


def _also_at(copy: dict[str, Any]) -> str:
    """`; also read at URL, URL` for the dashboard (escaped), or nothing."""
    others = copy.get("also_at") or []
    return "; also read at " + ", ".join(html.escape(visible(str(url)), quote=True) for url in others) if others else ""


# What the dashboard says of a site, and of a copy, carried over for each reason (`CARRIED_BECAUSE`).
_SITE_CARRIED = {
    SITE_NOT_REACHED: "not reached in this run",
    ROBOTS_FORBID: "its robots.txt forbids crawling it",
    PAGE_NOT_READ: "pages not read in this run",
    LISTING_NOT_READ: "a sitemap or feed of it not read in this run",
}
_COPY_CARRIED = {
    SITE_NOT_REACHED: "its site not reached in this run",
    ROBOTS_FORBID: "its site's robots.txt forbids crawling it",
    PAGE_NOT_READ: "the page not read in this run",
    LISTING_NOT_READ: "the sitemap or feed listing it not read in this run",
}


def _earlier_site(site: dict[str, Any]) -> str:
    """`<br>(not reached in this run: copies as read on 2026-12-01)` for the dashboard, or nothing."""
    when = site.get("from_earlier_run")
    if not when:
        return ""
    why = "; ".join(_SITE_CARRIED.get(reason, reason) for reason in str(site.get("carried_because") or SITE_NOT_REACHED).split("; "))
    return f"<br>({html.escape(why)}: copies as read on {html.escape(str(when))})"


def _earlier_copy(copy: dict[str, Any]) -> str:
    """` (as read on 2026-12-01; its site not reached in this run)` for the dashboard, or nothing."""
    when = copy.get("from_earlier_run")
    if not when:
        return ""
    why = str(copy.get("carried_because") or SITE_NOT_REACHED)
    return f" (as read on {html.escape(str(when))}; {html.escape(_COPY_CARRIED.get(why, why))})"


# What a spreadsheet program reads a cell starting with as a formula (or, tab, as one after it).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t")


def _cell(value: Any) -> Any:
    """A CSV cell as shown safely: text from partner sites (a crawled address, a host) keeps no raw
    control or bidirectional character (`compliance.display.visible`: `\\x1b`, `\\u202e`), and
    text a spreadsheet would run as a formula is quoted with a leading `'`."""
    if isinstance(value, _Lines):
        # Each item shown safely, then joined: the line feeds are the cell's own, never an item's;
        # each line is quoted as a cell is, since a spreadsheet splits them into cells of their own.
        return ADDRESS_SEPARATOR.join(_cell(item) for item in value)
    if not isinstance(value, str):
        return value
    shown = visible(value)
    return "'" + shown if shown.startswith(_FORMULA_STARTS) else shown


class _Lines(tuple[str, ...]):
    """A cell of items, one a line (`ADDRESS_SEPARATOR`): addresses and saved files' names, which
    may hold a space (`saved/a b.html`) but, as shown (`visible` escapes line breaks), no line feed."""


# How stories.csv separates the addresses of one copy (`also_at`) in their cell: a line feed,
# which no address or file name holds as written there; a spreadsheet shows one address a line and
# splits them on CHAR(10) (TEXTSPLIT in Excel, SPLIT in Google Sheets).
ADDRESS_SEPARATOR = "\n"


def _csv(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def sites_csv(report: dict[str, Any]) -> str:
    """One row per site: site, copies, compliant, compliance_rate, top violations (rule=count; …),
    the date of the earlier run copies carried over were last read in, and why they were carried
    (`report.json`'s fields; "" for a site whose copies were all read now)."""
    rows: list[list[Any]] = [["site", "copies", "compliant", "compliance_rate", "violations", "from_earlier_run", "carried_because"]]
    for s in report["sites"]:
        violations = "; ".join(f"{r}={n}" for r, n in s["violations"].items())
        rows.append([s["site"], s["copies"], s["compliant"], s["compliance_rate"], violations, s.get("from_earlier_run") or "", s.get("carried_because") or ""])
    return _csv(rows)


# stories.csv's columns after the story: a copy's fields as `report.json` names them.
_COPY_COLUMNS = ("url", "site", "similarity", "matched_by", "findings", "from_earlier_run", "published", "carried_because", "also_at")


def stories_csv(report: dict[str, Any]) -> str:
    """One row per copy of each story (a story without copies: one row with empty copy fields):
    `report.json`'s fields of a copy (`_COPY_COLUMNS`), its findings (rule ids, which hold no
    space) joined by a space, its other addresses (`also_at`) one a line (`ADDRESS_SEPARATOR`), a
    null (no date, read in this run) as ""."""
    rows: list[list[Any]] = [["story", *_COPY_COLUMNS]]
    for story in report["stories"]:
        for c in story["copies"] or [None]:
            fields = [_csv_field(column, c.get(column)) for column in _COPY_COLUMNS] if c is not None else [""] * len(_COPY_COLUMNS)
            rows.append([story["story"], *fields])
    return _csv(rows)


def _csv_field(column: str, value: Any) -> Any:
    """A copy's JSON value as a stories.csv cell: its addresses one a line, another list joined by
    spaces, null as ""."""
    if column == "also_at":
        return _Lines(str(v) for v in value or ())
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else value


def _svg(figure: Any, name: str, titles: dict[str, str] | None = None) -> str:
    """The figure as inline SVG, its ids made its own by `name` (see `_own_ids`); each element
    drawn with a `gid` in `titles` gets that text as its `<title>` (the tooltip a browser shows on
    hover, and the name a screen reader reads)."""
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = out.getvalue()
    text = text[text.index("<svg") :]
    for gid, title in (titles or {}).items():
        opening = f'<g id="{gid}">'
        text = text.replace(opening, f"{opening}<title>{html.escape(title, quote=False)}</title>", 1)
    return _own_ids(text, name)


def _own_ids(svg: str, name: str) -> str:
    """The SVG with each id matplotlib gave (`axes_1`) prefixed by the chart's name
    (`compliance-axes_1`), and each reference to one (`url(#id)`, `href="#id"`) with it; the ids
    the chart set itself already start with its name (`compliance-bar-0`) and are kept, as hooks
    for a stylesheet or a link. matplotlib numbers every figure's ids from 1 (`figure_1`,
    `patch_1`) and names clip paths and markers by a hash of their shape, so charts inlined in one
    page would repeat them: HTML allows an id once per document, and a browser resolving a
    repeated clip path or marker may draw one chart with another's."""
    import re

    from lxml import etree

    root = etree.fromstring(svg.encode("utf-8"))
    renamed: dict[str, str] = {}
    for element in root.iter():
        if isinstance(element.tag, str) and "id" in element.attrib:
            given = str(element.attrib["id"])
            own = given if given.startswith(f"{name}-") else f"{name}-{given}"
            renamed[given] = element.attrib["id"] = own

    def point(found: re.Match[str]) -> str:
        return found.group(1) + renamed.get(found.group(2), found.group(2))

    for element in root.iter():
        if isinstance(element.tag, str):
            for attribute, value in element.attrib.items():
                if "#" in str(value):
                    element.attrib[attribute] = re.sub(r"(url\(#|^#)([^)\s]+)", point, str(value))
    return str(etree.tostring(root, encoding="unicode"))


def _mark(bars: Any, prefix: str, titles: list[str]) -> dict[str, str]:
    """Name each bar `prefix-N` in the SVG (N from 0, top to bottom) and give it its title."""
    named = {}
    for number, (bar, title) in enumerate(zip(bars, titles, strict=True)):
        bar.set_gid(f"{prefix}-{number}")
        named[f"{prefix}-{number}"] = title
    return named


def _charts(report: dict[str, Any]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # Labels from partner sites are untrusted: matplotlib would read $…$ as mathtext.
    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "syndcheck"
    charts = []
    sites = report["sites"]
    if sites:
        figure = Figure(figsize=(7, 0.4 * len(sites) + 1))
        axes = figure.subplots()
        # Bars by position, labelled after: two sites whose shown names coincide keep a bar each.
        bars = axes.barh(range(len(sites)), [100 * s["compliance_rate"] for s in sites], color="#3c6e47")
        axes.set_yticks(range(len(sites)), [visible(s["site"]) for s in sites])
        axes.set_xlim(0, 100)
        axes.set_xlabel("compliant copies (%)")
        axes.invert_yaxis()
        axes.patch.set_gid("compliance-axes")
        titles = [f"{visible(s['site'])}: {100 * s['compliance_rate']:.0f}% compliant ({s['compliant']} of {s['copies']} copies)" for s in sites]
        charts.append(("Compliance by site", _svg(figure, "compliance", _mark(bars, "compliance-bar", titles))))
        totals: Counter[str] = Counter()
        for s in sites:
            totals.update(s["violations"])
        if totals:
            top = totals.most_common(10)
            figure = Figure(figsize=(7, 0.4 * len(top) + 1))
            axes = figure.subplots()
            bars = axes.barh(range(len(top)), [n for _, n in top], color="#b5452b")
            axes.set_yticks(range(len(top)), [visible(r) for r, _ in top])
            axes.set_xlim(0, top[0][1])
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of copies: no half copies on the axis
            axes.set_xlabel("copies with the finding")
            axes.invert_yaxis()
            axes.patch.set_gid("violation-axes")
            titles = [f"{visible(r)}: {n} {'copy' if n == 1 else 'copies'}" for r, n in top]
            charts.append(("Top violations", _svg(figure, "violation", _mark(bars, "violation-bar", titles))))
    months = report["over_time"]
    if months and any(m["violations"] for m in months):
        figure = Figure(figsize=(7, 3.2))
        axes = figure.subplots()
        labels = [m["month"] for m in months]
        totals = Counter()
        for m in months:
            totals.update(m["violations"])
        for rule, _ in totals.most_common(5):
            axes.plot(labels, [m["violations"].get(rule, 0) for m in months], marker="o", label=visible(rule))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("copies with the finding")
        axes.set_xlabel("month the copy was published")
        axes.legend(fontsize="small")
        charts.append(("Violations over time", _svg(figure, "timeline")))
    return charts


def dashboard_html(report: dict[str, Any]) -> str:
    """A self-contained HTML page (no script, no external resource): charts as inline SVG, tables, problems; all text escaped.

    Its Content-Security-Policy is the HTML report's: should page text ever get past the escaping, a
    browser still runs no script and loads nothing from elsewhere.
    """
    from compliance.formatters.html import REPORT_CSP

    def e(value: Any) -> str:
        return html.escape(visible(str(value)), quote=True)

    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f'<meta http-equiv="Content-Security-Policy" content="{REPORT_CSP}"><title>Republication audit</title>',
        "<style>body{font:15px/1.4 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}"
        "figure{margin:1em 0}svg{max-width:100%;height:auto}</style></head><body>",
        "<h1>Republication audit</h1>",
        f"<p>{counted_as(int(report['pages_read']), 'page', 'pages')} read, {counted_as(int(report['copies']), 'copy', 'copies')} "
        f"of {counted_as(len(report['stories']), 'story', 'stories')}, "
        f"{_citing(int(report.get('citing_pages', 0)))}, {_carried(int(report.get('copies_from_earlier_runs', 0)))}"
        f"{own_site_originals(int(report.get('own_site_originals', 0)))}, "
        f"{_unmatched(int(report['unmatched_pages']))}, {problems_counted(report['problems'])}.</p>",
    ]
    for title, svg in _charts(report):
        parts.append(f"<figure><figcaption><h2>{e(title)}</h2></figcaption>{svg}</figure>")
    parts.append("<h2>Sites</h2><table><tr><th>Site</th><th>Copies</th><th>Compliant</th><th>Rate</th><th>Violations</th><th>Worst pages</th></tr>")
    for s in report["sites"]:
        violations = ", ".join(f"{e(r)} × {n}" for r, n in s["violations"].items())
        worst = "<br>".join(f"{e(w['url'])}: {e('; '.join(w['evidence']))}" for w in s["worst"])
        parts.append(
            f"<tr><td>{e(s['site'])}{_earlier_site(s)}</td><td>{s['copies']}</td><td>{s['compliant']}</td><td>{100 * s['compliance_rate']:.0f}%</td>"
            f"<td>{violations}</td><td>{worst}</td></tr>"
        )
    parts.append("</table><h2>Stories</h2><table><tr><th>Story</th><th>Copies</th></tr>")
    for story in report["stories"]:
        copies = "<br>".join(
            f"{e(c['url'])} ({e(c['matched_by'])}, {c['similarity']:.2f}) {e(' '.join(c['findings']) or 'compliant')}{_notes(c)}" for c in story["copies"]
        )
        parts.append(f"<tr><td>{e(story['story'])}</td><td>{copies or 'no copies found'}</td></tr>")
    parts.append("</table><h2>Problems</h2><ul>")
    # A problem filed under its own address (a story's file) names it once.
    parts.extend(f"<li>{e(p['url']) if p['site'] == p['url'] else e(p['site']) + ': ' + e(p['url'])}: {e(p['problem'])}</li>" for p in report["problems"])
    parts.append("</ul></body></html>\n")
    return "".join(parts)
