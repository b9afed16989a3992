"""`--format html`: one offline page with every finding marked on the article, and nothing of the
article able to run, load, post or restyle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

from compliance.engine import CheckSettings
from compliance.findings import Finding, Location, Report, Severity
from compliance.fixes import plan_fixes
from compliance.formatters.context import ArticleSource, FormatContext
from compliance.formatters.html import format_html
from compliance.loading import load_packs
from compliance.runner import Runner, RunOptions
from tests.conftest import ROOT

HOSTILE = """<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0; url=https://attacker.example/">
<base href="https://attacker.example/">
<link rel="stylesheet" href="https://attacker.example/x.css">
<style>body, .report, .results { display: none !important; }</style>
<script>window.__pwned = 1</script>
</head><body onload="window.__pwned = 2">
<article>
<h1 style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">Headline</h1>
<p class="byline mark error" id="a1-f1">By Jane Roe, Daily Caller News Foundation</p>
<img src="https://attacker.example/pixel.gif" srcset="https://attacker.example/a.png 2x" onerror="window.__pwned = 3" alt="Daily Caller News Foundation logo">
<p><a href="javascript:window.__pwned=4">click</a> <a href="https://example.org/ok">fine</a></p>
<form action="https://attacker.example/post" method="post"><input name="q"><button>Go</button></form>
<iframe src="https://attacker.example/frame"></iframe>
<object data="https://attacker.example/o.swf"></object>
<svg><script>window.__pwned = 5</script><image href="https://attacker.example/s.png"/></svg>
<video src="https://attacker.example/v.mp4" autoplay></video>
<p>\ue000f1\ue001 forged marker and <!-- a comment \ue000f9\ue001 --></p>
<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,
is available without charge to any eligible news publisher.</p>
</article></body></html>
"""


def _html_for(paths: list[str]) -> tuple[str, list[Any]]:
    runner = Runner(RunOptions())
    results = list(runner.run(paths, jobs=1))
    reports = [r.report for r in results]
    sources = {p: ArticleSource(Path(p).read_text(encoding="utf-8", errors="replace"), "html" if p.endswith((".html", ".htm")) else "text") for p in paths}
    return format_html(reports, FormatContext(packs=tuple(load_packs()), sources=sources)), reports


def test_every_finding_of_the_json_is_marked_on_its_article(cli: Any) -> None:
    json_files = cli("check", "--format", "json", "samples/").json()["files"]
    page = cli("check", "--format", "html", "samples/").out
    tree = lxml.html.fromstring(page)
    sections = tree.xpath("//section[contains(@class, 'report')]")
    assert len(sections) == len(json_files)
    total = 0
    for section, entry in zip(sections, json_files, strict=True):
        assert section.xpath("string(h2/text())").strip() == entry["path"]
        marks = section.xpath(".//div[@class='article']//a[contains(@class, 'mark') and not(contains(@class, 'ok'))]")
        assert sorted(m.get("data-rule") for m in marks) == sorted(f["rule"] for f in entry["findings"]), entry["path"]
        passes = section.xpath(".//div[@class='article']//a[contains(@class, 'mark ok')]")
        # A pass that found something is marked where it is; an absence has no place, nor a mark.
        placed = section.xpath(".//li[@class='passed'][span[@class='loc']]")
        assert len(passes) == len(placed) <= len(entry["passed"])
        assert len(section.xpath(".//li[@class='passed']")) == len(entry["passed"])
        total += len(marks)
    assert total >= 30


def test_a_found_thing_is_marked_just_before_its_element(cli: Any) -> None:
    page = cli("check", "--format", "html", "samples/calmatters/credit-line-missing-amp.html").out
    tree = lxml.html.fromstring(page)
    (wire,) = tree.xpath("//div[@class='article']//a[@data-rule='common/wire-photo']")
    following = "".join(wire.xpath("following::text()"))[:400]
    assert "REUTERS/Fred Greaves" in following


def test_the_report_is_self_contained_and_gives_the_snippet_to_paste(cli: Any) -> None:
    page = cli("check", "--format", "html", "samples/dcnf/no-logo.html").out
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//script") == []
    assert [e for e in tree.iter() if isinstance(e.tag, str) and (e.get("src") or (e.tag == "link" and e.get("href")))] == []
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "form-action 'none'" in csp
    # The rule's fix, rendered for the article: the logo URL is not known without the original or
    # --meta logo-url, so it stands as a value to fill in.
    assert tree.xpath("string(//p[@class='paste'])") == "Paste this before the byline:"
    assert tree.xpath("string(//pre[@class='snippet'])") == '<p><img src="[LOGO URL]" alt="Daily Caller News Foundation logo"></p>'


@pytest.mark.parametrize(
    ("sample", "meta", "rule"),
    [
        ("samples/dcnf/no-logo.html", {"logo-url": "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"}, "dcnf/logo"),
        ("samples/dcnf/staff-byline.html", {"reporter": "Jake Smith"}, "dcnf/byline"),
        ("samples/propublica/staff-byline-twice.html", {"reporter": "Hollis Brandt"}, "creative-commons/author"),
    ],
)
def test_the_block_to_paste_is_the_block_syndcheck_fix_inserts(cli: Any, sample: str, meta: dict[str, str], rule: str) -> None:
    flags = [arg for key, value in meta.items() for arg in ("--meta", f"{key}={value}")]
    tree = lxml.html.fromstring(cli("check", "--format", "html", *flags, sample).out)
    (item,) = tree.xpath(f"//li[contains(@class, 'finding')][code[@class='rule'] = '{rule}']")
    shown = item.xpath("string(.//pre[@class='snippet'])")
    plan = plan_fixes((ROOT / sample).read_bytes(), "html", CheckSettings(packs=load_packs(), path=sample, meta=meta))
    (edit,) = [e for e in plan.edits if e.rule == rule]
    assert shown == edit.text.strip()
    assert "[" not in shown


def test_a_hostile_article_is_rendered_inert(tmp_path: Path) -> None:
    article = tmp_path / "hostile.html"
    article.write_text(HOSTILE, encoding="utf-8")
    page, reports = _html_for([str(article)])
    tree = lxml.html.fromstring(page)
    (view,) = tree.xpath("//div[@class='article']")
    elements = [e for e in view.iterdescendants() if isinstance(e.tag, str)]
    assert not [e.tag for e in elements if e.tag in ("script", "style", "meta", "base", "link", "form", "input", "button", "iframe", "object", "svg", "video")]
    article_elements = [e for e in elements if not (e.get("class") or "").startswith(("mark", "elsewhere"))]
    assert {name for e in article_elements for name in e.attrib} <= {"href", "title", "alt", "rel", "width", "height", "colspan", "rowspan"}
    # Only the report's own markers carry ids and classes; the article's are gone.
    assert {e.get("class") for e in elements if e.get("class")} <= {"mark error missing", "mark error", "mark warning", "mark ok", "mark info", "elsewhere"}
    hrefs = [e.get("href") for e in elements if e.tag == "a" and not (e.get("class") or "").startswith("mark")]
    assert hrefs == [None, "https://example.org/ok"]
    # The forged marker text is gone, and the markers are exactly the report's.
    marks = view.xpath(".//a[contains(@class, 'mark')]")
    assert len(marks) == len(reports[0].findings) + sum(1 for passed in reports[0].passed if passed.placed)
    assert "forged marker" in view.text_content() and "\ue000" not in page
    # The attacker's URLs appear only as escaped text (the evidence of what was found, a marker's
    # tooltip), never where a browser would load or follow them.
    assert page.count("<script") == 0
    assert [v for e in tree.iter() if isinstance(e.tag, str) for k, v in e.attrib.items() if k != "title" and "attacker.example" in v] == []


def test_the_report_says_which_checks_a_configuration_weakened(cli: Any, tmp_path: Path) -> None:
    # An editor reading "no problems" must see that the logo rule was off, as every other format says.
    config = tmp_path / "news\x1b[31m.yaml"
    config.write_text("severity:\n  dcnf/logo: off\n  dcnf/byline: warning\n", encoding="utf-8")
    run = cli("check", "--config", str(config), "--format", "html", "samples/dcnf/no-logo.html")
    assert run.code == 0, run.err
    (notice,) = lxml.html.fromstring(run.out).find_class("weakened")
    shown = str(config).replace("\x1b", "\\x1b")
    assert [li.text_content() for li in notice.iter("li")] == [f"dcnf/byline lowered to warning by {shown}", f"dcnf/logo turned off by {shown}"]
    assert "\x1b" not in run.out
    plain = cli("check", "--format", "html", "samples/dcnf/no-logo.html")
    assert plain.code == 1 and not lxml.html.fromstring(plain.out).find_class("weakened")


def test_an_absence_that_passed_has_no_place_and_no_mark(tmp_path: Path) -> None:
    article = tmp_path / "clean.html"
    article.write_text((ROOT / "samples" / "calmatters" / "compliant-wordpress.html").read_text(encoding="utf-8"), encoding="utf-8")
    page, reports = _html_for([str(article)])
    absent = [p for p in reports[0].passed if not p.placed]
    assert {p.rule for p in absent} >= {"common/wire-photo", "common/empty-byline"}
    tree = lxml.html.fromstring(page)
    items = {item.xpath("string(code)"): item for item in tree.xpath("//li[@class='passed']")}
    for passed in reports[0].passed:
        item = items[passed.rule]
        assert bool(item.xpath("span[@class='loc']")) is passed.placed
        assert bool(item.xpath("a[@class='badge ok']")) is passed.placed
        assert bool(tree.xpath(f"//a[@class='mark ok'][@data-rule='{passed.rule}']")) is passed.placed


def test_a_missing_thing_is_marked_where_its_block_goes(tmp_path: Path) -> None:
    # ProPublica's pixel goes after the end of the story: its marker is by the story's last
    # paragraph, where the panel says to paste it, not at the top of the article.
    source = (ROOT / "samples/propublica/compliant-wordpress.html").read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    copy = tmp_path / "no-pixel.html"
    copy.write_text("".join(line for line in lines if "pixel.propublica.org/pixel.js" not in line), encoding="utf-8")
    page, reports = _html_for([str(copy)])
    assert [f.rule for f in reports[0].findings] == ["propublica/pixel"]
    tree = lxml.html.fromstring(page)
    (mark,) = tree.xpath("//div[@class='article']//a[@data-rule='propublica/pixel']")
    before = " ".join("".join(mark.xpath("preceding::text()")).split())
    after = " ".join("".join(mark.xpath("following::text()")).split())
    # The story's last paragraph is before the marker, the page's share box, tags and teasers after it.
    assert before.endswith("She has not received them.")
    assert after.startswith("Share this:FacebookXEmail Tagged Pipelines, Oil and gas, ProPublica")
    assert "Paste this after the end:" in page


@pytest.mark.parametrize("block", ['<p class="byline">', '<div class="author">', '<li class="by">', '<P CLASS="byline">'])
def test_a_mark_on_a_block_after_an_inline_image_is_inside_the_block(tmp_path: Path, block: str) -> None:
    # The logo is an inline <img> right before the byline's block: a mark put before the block
    # would flow onto the logo's line and read as about the logo.
    tag = block[1:].split(">")[0].split()[0].lower()
    article = tmp_path / "staff.html"
    article.write_text(
        "<html><body><article><h1>Taliban story</h1>\n"
        '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">\n'
        f"{block}By Staff</{tag}>\n"
        "<p>The Biden administration is reportedly considering an unusual move.</p>\n"
        "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
        " without charge to any legitimate news publisher that can provide a large audience.</em></p></article></body></html>\n",
        encoding="utf-8",
    )
    page, _reports = _html_for([str(article)])
    (mark,) = lxml.html.fromstring(page).xpath("//div[@class='article']//a[@data-rule='dcnf/byline']")
    assert mark.getparent().tag == tag and mark.getparent().text_content().endswith("By Staff")
    # The logo's own pass stays just before the image.
    (logo,) = lxml.html.fromstring(page).xpath("//div[@class='article']//a[@data-rule='dcnf/logo']")
    assert logo.getnext().tag == "img"


def test_a_report_saved_in_the_folder_it_checked_is_not_checked_next_time(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    first = cli("check", "--format", "json", "--output", "html=report.html", ".")
    again = cli("check", "--format", "json", ".")
    assert (first.code, again.code) == (1, 1)
    files = {entry["path"]: entry for entry in again.json()["files"]}
    assert [f["rule"] for f in files["story.html"]["findings"]] == [f["rule"] for f in first.json()["files"][0]["findings"]]
    assert files["report.html"]["checked"] is False
    assert files["report.html"]["notices"][0]["message"].startswith("not checked: the file is an HTML report syndcheck wrote, not an article")
    # A page that only quotes the mark in its text is an article.
    (tmp_path / "about.html").write_text('<p>Our reports say &lt;meta name="generator" content="syndcheck"&gt;.</p>', encoding="utf-8")
    assert cli("check", "--format", "json", "about.html").json()["files"][0]["checked"] is True


_WELDS = "<article><h1>Welds</h1><p>By Hollis Brandt, ProPublica</p><p>Inspectors signed off on 41 welds along the line, records show.</p>{after}</article>\n"
_STORY = "https://www.propublica.org/article/pipeline-weld-inspections-records"


def _whence(cli: Any, tmp_path: Path, after: str, *flags: str) -> dict[str, list[str]]:
    """Each finding's notes of where its block's address came from, by rule, in the HTML report of
    a ProPublica copy that ends with `after`."""
    page = tmp_path / "welds.html"
    page.write_text(_WELDS.format(after=after), encoding="utf-8")
    tree = lxml.html.fromstring(cli("check", "--format", "html", "--pack", "propublica", "--meta", "medium=online", *flags, str(page)).out)
    items = tree.xpath("//li[contains(@class, 'finding')]")
    return {item.xpath("string(code[@class='rule'])"): [p.text_content() for p in item.xpath("p[@class='whence']")] for item in items}


def test_a_block_writing_the_pages_own_link_back_says_so_beside_it(cli: Any, tmp_path: Path) -> None:
    notes = _whence(cli, tmp_path, f'<p>Read <a href="{_STORY}">the full investigation</a>.</p>')
    # The address is the page's own, quoted as the page writes it: the note is text, not a link.
    linked = f'<a href="{_STORY}">the full investigation</a>'
    assert notes["propublica/credit-line"] == [f"The original's address is the one the page links back to: {linked} at line 1."]
    # The pixel's address is the pack's own: its block says nothing of the original's.
    assert notes["propublica/pixel"] == []


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        # Read as `original_url` (a key is read with '-' or '_' alike), and named as the user wrote it.
        (("--meta", f"original-url={_STORY}"), "The original's address is from the 'original-url' metadata."),
        (("--meta", f"original_url={_STORY}"), "The original's address is from the 'original_url' metadata."),
        (
            ("--original", str(ROOT / "samples" / "originals" / "propublica-original.html")),
            "The original's address is from the canonical link of the original story given.",
        ),
    ],
    ids=["original-url", "original_url", "--original"],
)
def test_a_block_writing_an_address_given_says_where_it_was_given(cli: Any, tmp_path: Path, flags: tuple[str, ...], said: str) -> None:
    # Given, the address is written before the page's own link back, and the note says so.
    notes = _whence(cli, tmp_path, '<p>Read <a href="https://www.propublica.org/article/another">more</a>.</p>', *flags)
    assert notes["propublica/credit-line"] == [said]


def test_the_pages_link_back_in_the_note_is_shown_inert(cli: Any, tmp_path: Path) -> None:
    # The link's words are the page's: a right-to-left override and markup in them show as text.
    page = tmp_path / "welds.html"
    page.write_text(_WELDS.format(after=f'<p>Read <a href="{_STORY}">the full investigation \u202e&lt;b&gt;</a>.</p>'), encoding="utf-8")
    out = cli("check", "--format", "html", "--pack", "propublica", "--meta", "medium=online", str(page)).out
    (note,) = lxml.html.fromstring(out).xpath("//p[@class='whence']")
    assert "\u202e" not in out
    assert note.xpath("*") == []
    assert "the full investigation \\u202e<b>" in note.text_content()


@pytest.mark.parametrize("name", ["summary.md", "summary.txt", "summary.markdown"])
def test_a_job_summary_saved_in_the_folder_it_checked_is_not_read_as_an_article(cli: Any, tmp_path: Path, monkeypatch: Any, name: str) -> None:
    # As the HTML report is: `--output github-summary=FILE` into the folder checked, then a run of
    # that folder, would otherwise check the summary's own table as an article.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    first = cli("check", "--format", "json", "--output", f"github-summary={name}", ".")
    assert first.code == 1, first.err
    again = cli("check", "--format", "json", ".", name)
    files = {entry["path"]: entry for entry in again.json()["files"]}
    assert files[name]["checked"] is False
    assert files[name]["notices"][0]["message"].startswith("not checked: the file is a job summary syndcheck wrote (--output github-summary), not an article")
    assert [f["rule"] for f in files["story.html"]["findings"]] == [f["rule"] for f in first.json()["files"][0]["findings"]]


@pytest.mark.parametrize(
    "text",
    [
        "## syndcheck\n\nWe checked three files checked: twice.\n",  # no count
        "## syndcheck\n3 files checked: 1 error\n",  # no blank line
        "# syndcheck\n\n3 files checked: 1 error\n",
        "Notes\n\n## syndcheck\n\n3 files checked: 1 error\n",
    ],
)
def test_a_page_that_only_looks_like_a_summary_is_an_article(text: str) -> None:
    from compliance.findings import own_report

    assert own_report(text) is None
    summary = "a job summary syndcheck wrote (--output github-summary)"
    assert own_report("## syndcheck\n\n1,204 files checked: 3 errors, 0 warnings, 0 info; 2 files with findings.\n") == summary
    assert own_report("## syndcheck\n\n1 file checked: 0 errors\n") == summary


@pytest.mark.parametrize(("output", "what"), [("text", "a text report"), ("concise", "a concise report")])
def test_a_text_or_concise_report_saved_in_the_folder_it_checked_is_not_read_as_an_article(
    cli: Any, tmp_path: Path, monkeypatch: Any, output: str, what: str
) -> None:
    # They quote the credit lines and bylines they found: read as a plain-text story, a report
    # would be detected as a republication and given findings of its own.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    first = cli("check", "--format", "json", "--output", f"{output}=report.txt", ".")
    assert first.code == 1, first.err
    again = cli("check", "--format", "json", ".")
    files = {entry["path"]: entry for entry in again.json()["files"]}
    assert files["report.txt"]["checked"] is False
    assert files["report.txt"]["notices"][0]["message"].startswith(f"not checked: the file is {what} syndcheck wrote, not an article")


@pytest.mark.parametrize(
    "text",
    [
        "Council update  [corrected]\n\nThe council met on Monday.\n",  # a bracket, no count of files
        "Results  [draft]\n\n3 files checked by the auditor showed errors.\n",
        "story.html:12:1: error dcnf/logo missing\nAnd then the story goes on in prose.\n",
        "By Jake Smith\n\n1 file checked; 1 error\n",
    ],
)
def test_a_text_that_only_looks_like_a_report_is_an_article(text: str) -> None:
    from compliance.findings import own_report

    assert own_report(text) is None


@pytest.mark.parametrize(("errors", "warnings", "said"), [(1, 1, "1 file checked; 1 error, 1 warning"), (2, 0, "1 file checked; 2 errors, 0 warnings")])
def test_the_reports_counts_take_the_plural_only_for_more_than_one(errors: int, warnings: int, said: str) -> None:
    findings = tuple(Finding("p/e", Severity.ERROR, "m", "h", Location(n + 1)) for n in range(errors)) + tuple(
        Finding("p/w", Severity.WARNING, "m", "h", Location(n + 10)) for n in range(warnings)
    )
    page = format_html([Report(path="a.html", packs=("p",), findings=findings)], FormatContext())
    assert f'<p class="counts">{said}</p>' in page
