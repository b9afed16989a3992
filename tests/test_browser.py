"""The editor's page and the HTML report in a real headless Chromium (Debian's `chromium`,
driven by Playwright): findings marked at the right element, the block to paste shown, and a hostile
article that can neither run, load, post nor restyle anything.

Skipped, with the reason, when Playwright or the browser is missing; `.ci/run` installs
`chromium` when it runs as root, and in CI (or with SYNDCHECK_REQUIRE_BROWSER=1) a missing browser
fails these tests instead of skipping them. The screenshot of the page is kept under build/test-artifacts/
(and written to docs/images/ for the README when SYNDCHECK_UPDATE_SCREENSHOT=1).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.conftest import ROOT, SAMPLES, SHARED, requires_shared
from tests.test_html_report import HOSTILE
from tests.test_tree_construction import FRAMESET_DOCUMENTS, framed_page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Containers often give /dev/shm only 64 MB, too little for Chromium's renderer.
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = ROOT / "build" / "test-artifacts"


def _missing(reason: str) -> NoReturn:
    """Skip with the reason; where the browser must be there (CI, which installs it), fail instead."""
    if os.environ.get("SYNDCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (SYNDCHECK_REQUIRE_BROWSER=1: the browser tests must run here)", pytrace=False)
    pytest.skip(reason)


def _require_browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (the test extra provides it)")
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium); .ci/run does when root")
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        _missing("the 'serve' extra is not installed")
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _require_browser()
    import uvicorn

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(ServeSettings(port=port)), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


class Watch:
    """Every request a page makes and every dialog it opens."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)


def _submit(page: Any, server: str, article: str, *, reporter: str = "") -> None:
    page.goto(server + "/")
    page.fill("#article", article)
    if reporter:
        page.fill("input[name=reporter]", reporter)
    with page.expect_navigation():
        page.click("#check")


def test_the_page_marks_the_missing_logo_where_it_belongs_and_shows_the_snippet(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    watch = Watch(page)
    _submit(page, server, (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8"), reporter="Jake Smith")
    marks = page.locator("div.article a.mark.error")
    assert marks.count() == 1
    assert marks.first.get_attribute("data-rule") == "dcnf/logo"
    # Missing things are marked where their block goes: the logo before the byline, as the block
    # to paste says (past the byline's own "ok" marks).
    after = "m => { let n = m.nextElementSibling; while (n && n.matches('a.mark')) n = n.nextElementSibling; return n && n.textContent.trim(); }"
    assert marks.first.evaluate(after).startswith("By Jake Smith, Daily Caller News Foundation")
    # The logo rule's fix, rendered for this article: the logo's URL is not known here (no
    # original story), so it stands as a value to fill in.
    assert page.locator("p.paste").first.inner_text() == "Paste this before the byline:"
    assert page.locator("pre.snippet").first.inner_text() == '<p><img src="[LOGO URL]" alt="Daily Caller News Foundation logo"></p>'
    assert page.locator("p.status").get_attribute("data-status") == "1"
    # Following the marker's link brings the finding's explanation into view.
    marks.first.click()
    assert page.evaluate("location.hash").startswith("#item-")
    assert all(url.startswith(server) for url in watch.requests), watch.requests
    page.goto(server + "/")
    _submit(page, server, (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8"), reporter="Jake Smith")
    page.evaluate("document.querySelector('p.status').scrollIntoView()")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "editor-page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("SYNDCHECK_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "images" / "editor-page.png")
    page.close()


@pytest.mark.parametrize(
    ("sample", "block"),
    [
        ("dcnf/staff-byline.html", "Jake Smith, Daily Caller News Foundation"),
        ("propublica/staff-byline-twice.html", "Jake Smith, ProPublica"),
    ],
)
def test_the_reporter_given_on_the_page_fills_the_block_to_paste(browser: Any, server: str, sample: str, block: str) -> None:
    # The copy's staff byline is mended in place: the reporter's credit goes where the staff credit is.
    page = browser.new_page()
    _submit(page, server, (SAMPLES / sample).read_text(encoding="utf-8"), reporter="Jake Smith")
    assert block in page.locator("pre.snippet").all_inner_texts()
    assert re.search(r"Paste this in place of '[^']*\bStaff' in the byline:", page.locator("body").inner_text())
    page.close()


def test_a_byline_naming_another_person_shows_the_reporter_to_put_in_its_place(browser: Any, server: str) -> None:
    # dcnf/original-reporter's block is the reporter given, in place of the wrong name; the
    # advice's example byline names the reporter too, not the pack's stand-in.
    article = (
        '<article><h1>Border bill moves forward</h1><p><img src="https://example.org/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
        '<p class="byline">By Sam Li, Daily Caller News Foundation · June 21</p><p>A Senate committee voted 12-10 on Thursday to advance a border'
        " security bill after four hours of debate.</p><p><em>Content created by The Daily Caller News Foundation is available without charge"
        " to any eligible news publisher.</em></p></article>"
    )
    page = browser.new_page()
    _submit(page, server, article, reporter="Jake Smith")
    text = page.locator("body").inner_text()
    assert "Paste this in place of 'Sam Li' in the byline:" in text and "Jake Smith" in page.locator("pre.snippet").all_inner_texts()
    assert '"By Jake Smith, Daily Caller News Foundation"' in text and "By NAME" not in text
    page.close()


def test_a_refused_form_comes_back_as_typed_and_sends_the_same_again(browser: Any, server: str) -> None:
    # Chromium decides what a refilled field holds: the character references the page writes for
    # controls and bidi characters must read back as the characters typed, twice over.
    page = browser.new_page()
    page.goto(server + "/")
    typed = {
        "#article": "\nBy Jake\u202e Smith\n\nSecond \u2066line\u2069 & <b>more</b>",
        "input[name=reporter]": "Jake\u202eSmith\x1b",
        "input[name=original_headline]": 'Rates "rise" \u200f<again>',
        "textarea[name=other_meta]": "medium=web\nnote=a\u2028b",
    }
    for selector, value in typed.items():
        page.fill(selector, value)
    page.select_option("select[name=format]", "markdown")
    page.check("input[name=pack][value=propublica]")
    page.set_input_files("input[name=original_file]", files=[{"name": "o.html", "mimeType": "text/html", "buffer": b"<p>The original.</p>"}])
    for sent in range(2):
        with page.expect_navigation():
            page.click("#check")
        assert page.locator("p.error").inner_text().startswith("metadata 'medium' must be 'online' or 'print', got 'web'")
        # The original's file was chosen for the first send only: the note stands beside it then, not after.
        assert page.locator("input[name=original_file] ~ span.again, label:has(input[name=original_file]) + span.again").count() == (1 - sent)
        for selector, value in typed.items():
            assert page.locator(selector).input_value() == value, selector
        assert page.locator("select[name=format]").input_value() == "markdown"
        assert page.locator("input[name=pack][value=propublica]").is_checked()
    page.close()


def test_a_found_element_is_marked_right_before_it(browser: Any, server: str) -> None:
    page = browser.new_page()
    _submit(page, server, (SAMPLES / "calmatters" / "credit-line-missing-amp.html").read_text(encoding="utf-8"))
    mark = page.locator("div.article a.mark[data-rule='common/wire-photo']")
    assert mark.count() == 1
    following = mark.evaluate(
        """m => { const r = document.createRange(); r.setStartAfter(m); r.setEndAfter(m.closest('div.article'));
                 return r.toString().slice(0, 400); }"""
    )
    assert "REUTERS/Fred Greaves" in following
    page.close()


def test_the_html_report_opens_offline_with_every_finding_of_the_json(browser: Any, cli: Any, tmp_path: Path) -> None:
    files = cli("check", "--format", "json", "samples/").json()["files"]
    report = tmp_path / "report.html"
    report.write_text(cli("check", "--format", "html", "samples/").out, encoding="utf-8")
    context = browser.new_context(offline=True)
    page = context.new_page()
    watch = Watch(page)
    page.goto(report.as_uri())
    counted = page.evaluate(
        """() => [...document.querySelectorAll('section.report')].map(s => ({
               path: s.querySelector('h2').firstChild.textContent.trim(),
               rules: [...s.querySelectorAll('div.article a.mark:not(.ok)')].map(m => m.dataset.rule).sort(),
               visible: [...s.querySelectorAll('div.article a.mark')].every(m => m.getClientRects().length > 0)}))"""
    )
    assert [c["path"] for c in counted] == [f["path"] for f in files]
    assert [c["rules"] for c in counted] == [sorted(f["rule"] for f in file["findings"]) for file in files]
    assert all(c["visible"] for c in counted)
    assert sum(len(c["rules"]) for c in counted) == sum(len(f["findings"]) for f in files) > 0
    assert watch.requests == [report.as_uri()]
    context.close()


def test_a_hostile_article_runs_nothing_loads_nothing_and_restyles_nothing(browser: Any, server: str, tmp_path: Path, cli: Any) -> None:
    page = browser.new_page()
    watch = Watch(page)
    _submit(page, server, HOSTILE)
    page.wait_for_timeout(500)  # time for a refresh, an onerror or a timer to fire, if any could
    assert page.url == server + "/"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    assert [url for url in watch.requests if not url.startswith(server)] == []
    assert page.locator("section.report").evaluate("s => getComputedStyle(s).display") != "none"
    assert page.locator("ol.results").is_visible()
    assert page.locator("div.article h1").evaluate("h => getComputedStyle(h).position") == "static"
    assert page.locator("div.article form, div.article iframe, div.article script, div.article img[src]").count() == 0
    page.close()

    # The same article in a report file opened from disk.
    article = tmp_path / "hostile.html"
    article.write_text(HOSTILE, encoding="utf-8")
    report = tmp_path / "report.html"
    report.write_text(cli("check", "--format", "html", str(article)).out, encoding="utf-8")
    page = browser.new_page()
    watch = Watch(page)
    page.goto(report.as_uri())
    page.wait_for_timeout(500)
    assert page.url == report.as_uri()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.requests == [report.as_uri()] and watch.dialogs == []
    assert page.locator("ol.results").is_visible()
    page.close()


def _audit_dashboard(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The README's example audited from its WARC file and saved pages (its site not served): the dashboard and the report."""
    from compliance.audit.run import load_audit_config, run_audit
    from tests.test_audit import _example_without_its_site

    config = load_audit_config(_example_without_its_site(tmp_path))
    report = run_audit(config)
    return config.output / "dashboard.html", report


_BARS = """prefix => {
    const axes = document.getElementById(prefix + '-axes').querySelector('path').getBoundingClientRect();
    return [...document.querySelectorAll(`g[id^="${prefix}-bar-"]`)].map(g => {
        const bar = g.querySelector('path').getBoundingClientRect();
        const svg = g.closest('svg');
        const middle = bar.top + bar.height / 2;
        // The tick label beside the bar: the y-axis text whose middle is nearest the bar's.
        const labels = [...svg.querySelectorAll(`g[id^="${prefix}-ytick_"] text`)].map(t => {
            const r = t.getBoundingClientRect();
            return [Math.abs(r.top + r.height / 2 - middle), t.textContent];
        }).sort((a, b) => a[0] - b[0]);
        return {id: g.id, share: bar.width / axes.width, label: labels[0][1], title: g.querySelector('title').textContent};
    });
}"""


def test_the_audit_dashboard_opens_offline_and_draws_the_planted_compliance(browser: Any, tmp_path: Path) -> None:
    from tests.test_audit import web

    dashboard, report = _audit_dashboard(tmp_path)
    context = browser.new_context(offline=True)
    page = context.new_page()
    watch = Watch(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(dashboard.as_uri())
    assert watch.requests == [dashboard.as_uri()] and watch.dialogs == [] and errors == []
    assert page.locator("figure svg").count() == 3
    assert [t.strip() for t in page.locator("figcaption h2").all_inner_texts()] == ["Compliance by site", "Top violations", "Violations over time"]
    # Each site's bar is as long as its compliance rate (the axis runs 0–100 %), beside its own name,
    # and says so on hover; the rates are the synthetic web's planted truth.
    planted = {f"{name}.example": rate for name, rate in web.PLANTED.items() if name != "partner-a"}
    bars = page.evaluate(_BARS, "compliance")
    assert [b["label"] for b in bars] == sorted(planted)
    assert {b["label"]: b["share"] for b in bars} == pytest.approx(planted, abs=0.01)
    sites = {s["site"]: s for s in report["sites"]}
    assert [b["title"] for b in bars] == [
        f"{site}: {100 * planted[site]:.0f}% compliant ({sites[site]['compliant']} of {sites[site]['copies']} copies)" for site in sorted(planted)
    ]
    # Top violations: the commonest first, each bar as long as its count of copies against the commonest's.
    counts: dict[str, int] = {}
    for site in report["sites"]:
        for rule, n in site["violations"].items():
            counts[rule] = counts.get(rule, 0) + n
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:10]
    bars = page.evaluate(_BARS, "violation")
    assert [b["label"] for b in bars] == [rule for rule, _ in top]
    assert [b["share"] for b in bars] == pytest.approx([n / top[0][1] for _, n in top], abs=0.01)
    assert bars[0]["title"] == f"{top[0][0]}: {top[0][1]} copies"
    # The sites table says the same as the chart.
    rows = page.evaluate("() => [...document.querySelectorAll('table')[0].rows].slice(1).map(r => [r.cells[0].textContent, r.cells[3].textContent])")
    assert rows == [[site, f"{100 * planted[site]:.0f}%"] for site in sorted(planted)]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "audit-dashboard.png"), full_page=True)
    context.close()


def test_the_audit_dashboard_shows_hostile_page_text_and_urls_without_running_them(browser: Any, tmp_path: Path) -> None:
    from compliance.audit.report import CheckedCopy, build_report, dashboard_html

    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></svg><svg onload="alert(3)">$x^2$'
    site = "evil.example" + hostile
    url = "javascript:alert(4)//" + hostile
    copies = [
        CheckedCopy("story" + hostile, url, site, 0.9, "text", ("dcnf/logo" + hostile,), ("dcnf/logo" + hostile,), (hostile,), "2026-05-01"),
        CheckedCopy("story" + hostile, "http://ok.example/1", "ok.example", 0.9, "text", (), (), (), "2026-06-01"),
    ]
    report = build_report(copies, pages=3, unmatched=1, problems=[(site, url, hostile)], stories=["story" + hostile])
    dashboard = tmp_path / "dashboard.html"
    dashboard.write_text(dashboard_html(report), encoding="utf-8")
    context = browser.new_context(offline=True)
    page = context.new_page()
    watch = Watch(page)
    page.goto(dashboard.as_uri())
    page.wait_for_timeout(500)  # time for an onerror, an onload or a timer to fire, if any could
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == [] and watch.requests == [dashboard.as_uri()]
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("img, iframe, object, embed, a[href]").count() == 0
    # The text is shown as text: in the table, in the list of problems and as the chart's label.
    assert page.locator("table").first.locator("td").first.text_content() == site
    assert hostile in page.locator("ul li").first.text_content()
    assert site in [b["label"] for b in page.evaluate(_BARS, "compliance")]
    assert page.locator("figure svg").count() == 3
    context.close()


# --- what the checker reads of layout and data: URLs, as Chromium does it ------------------------


def _png(width: int, height: int) -> str:
    """A real PNG of that size as a base64 `data:` URL (one Chromium decodes and draws)."""
    from tests.test_hiding_moved_or_shrunk import png_data_url

    return png_data_url(width, height)


# The flex and -webkit-box cases of tests/test_visibility.py (items along a row or a column, the
# legacy -webkit-box and -ms-flexbox): what the checker calls a logo 2px wide or less, Chromium
# draws so; what it sees, Chromium draws wider.
_FLEX_NARROW = (
    "a 1px item of a -webkit-box that does not grow",
    "a -webkit-inline-box item of -webkit-box-flex 0, by a stylesheet",
    "a 1px item of a -webkit-box with a flex-grow",
    "a 1px item that grows in a column",
    "a 1px item that grows in a vertical -webkit-box, by a stylesheet",
    "an item stretched across a 2px column",
    "a 1px basis in a -webkit-box with a flex-direction",
    "a 1px basis in a flex container with a -webkit-box-orient",
    "a 1px block in an -ms-flexbox",
)
_FLEX_WIDE = (
    "a 1px item of a -webkit-box that grows",
    "an inline item of a -webkit-box takes no width",
    "a -webkit-box-flex the checker cannot read",
    "a 1px basis in a column",
    "a 1px basis that may shrink to it, in a column-reverse",
    "a 2px basis in a -webkit-flex-flow column, by a stylesheet",
    "a 1px basis in a vertical -webkit-box",
    "an item aligned to its content in a 2px column",
    "a 1px flex item of flex 1 with legacy properties of no growth",
)


@pytest.mark.parametrize("case", _FLEX_NARROW + _FLEX_WIDE)
def test_flex_items_are_as_wide_as_chromium_lays_them_out(browser: Any, case: str) -> None:
    from tests.test_visibility import LOGO_URL, NARROW_BOX_LOGOS, WIDE_ENOUGH_LOGOS, narrow_box_page

    narrow = case in _FLEX_NARROW
    markup = narrow_box_page(*(NARROW_BOX_LOGOS if narrow else WIDE_ENOUGH_LOGOS)[case]).decode().replace(LOGO_URL, _png(300, 100))
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.set_content(markup)
    width = page.evaluate("document.querySelector('img[alt*=\"logo\"]').getBoundingClientRect().width")
    page.close()
    assert (width <= 2) is narrow, width


def test_data_urls_are_decoded_as_chromium_decodes_them(browser: Any) -> None:
    import html

    from tests.test_data_urls import BASE64_HEADS, DECODED, OTHER_HEADS, REFUSED

    picture = _png(3, 5).partition(",")[2]
    svg = __import__("base64").b64encode(b"<svg xmlns='http://www.w3.org/2000/svg' width='7' height='9'/>").decode()
    sheet = __import__("base64").b64encode(b".t{width:33px}").decode()
    urls: dict[str, tuple[str, bool]] = {}
    for shapes, drawn in ((REFUSED, False), (DECODED, True)):
        for shape, write in shapes.items():
            urls[f"png {shape}"] = ("data:image/png;base64," + write(picture), drawn)
            urls[f"svg {shape}"] = ("data:image/svg+xml;base64," + write(svg), drawn)
            urls[f"css {shape}"] = ("data:text/css;base64," + write(sheet), drawn)
    for head in BASE64_HEADS + OTHER_HEADS:
        urls[f"svg {head!r}"] = (f"data:image/svg+xml{head},{svg}", head in BASE64_HEADS)
        urls[f"css {head!r}"] = (f"data:text/css{head},{sheet}", head in BASE64_HEADS)
    body = []
    for name, (url, _) in urls.items():
        if name.startswith("css"):
            inner = f'<!doctype html><link rel=stylesheet href="{html.escape(url)}"><div class=t>x</div>'
            body.append(f'<iframe data-name="{html.escape(name)}" srcdoc="{html.escape(inner)}"></iframe>')
        else:
            body.append(f'<img data-name="{html.escape(name)}" src="{html.escape(url)}">')
    page = browser.new_page()
    page.set_content("<!doctype html>" + "".join(body))
    read = page.evaluate(
        """() => Object.fromEntries([
             ...[...document.images].map(i => [i.dataset.name, i.naturalWidth > 0]),
             ...[...document.querySelectorAll('iframe')].map(f => [f.dataset.name,
                 getComputedStyle(f.contentDocument.querySelector('.t')).width === '33px'])])"""
    )
    page.close()
    assert read == {name: drawn for name, (_, drawn) in urls.items()}


def test_an_svg_is_drawn_as_chromium_draws_it_when_well_formed(browser: Any) -> None:
    import base64
    import html

    from tests.test_data_urls import MALFORMED_SVGS, WELL_FORMED_SVGS

    svgs = {**{name: (text, False) for name, text in MALFORMED_SVGS.items()}, **{name: (text, True) for name, text in WELL_FORMED_SVGS.items()}}
    images = "".join(
        f'<img data-name="{html.escape(name)}" src="data:image/svg+xml;base64,{base64.b64encode(text.encode()).decode()}">' for name, (text, _) in svgs.items()
    )
    page = browser.new_page()
    page.set_content("<!doctype html>" + images)
    drawn = page.evaluate("() => Object.fromEntries([...document.images].map(i => [i.dataset.name, i.naturalWidth > 0]))")
    page.close()
    assert drawn == {name: shown for name, (_, shown) in svgs.items()}


# The rows of tests/test_hiding_by_layout.py's tables of a box one line high that Chromium lays
# out as the checker reads them: vendor displays (`-webkit-box`, `-webkit-flex` and their inline
# forms), displays of several keywords (`block flow`, `inline flow-root`) or custom properties,
# line breaks, table's parts outside a table, and a first line that something other than text
# begins (a no-break space, an image, an atomic inline box) or that white space does not, and
# top margins and paddings that push the first line down.
_LAID_OUT_IN_CHROMIUM = re.compile(
    r"display:\s*(-webkit-|[a-z-]+ [a-z-]+|table-|var\(|inline-)|<br|&nbsp;|<img|hidden\"> <div>|<span></span>|margin|padding-top:[.2]"
    r"|translateY|<svg|<button|<input|&#8203;|&#x2003;|&zwj;|&lrm;|&shy;|\n\t|&#12;"
)


def _one_line_box_rows() -> list[tuple[str, str, bool]]:
    from tests.test_hiding_by_layout import AFTER_THE_FIRST_LINE, ON_THE_FIRST_LINE_OR_NOT_CLIPPED

    rows = [(head, byline, True) for head, byline in AFTER_THE_FIRST_LINE] + [(head, byline, False) for head, byline in ON_THE_FIRST_LINE_OR_NOT_CLIPPED]
    return [row for row in rows if _LAID_OUT_IN_CHROMIUM.search(row[0] + row[1])]


@pytest.mark.parametrize(("head", "byline", "hidden"), _one_line_box_rows())
def test_a_display_inside_a_one_line_box_is_clipped_as_chromium_clips_it(browser: Any, head: str, byline: str, hidden: bool) -> None:
    # A block-level box starts the line the box clips, an inline-level one shares its first, and
    # a line break ends it.
    # Clipped: less than half of the byline's line shows (a box of 1.2em may leave a sliver of the
    # second line, as `line-height: normal` is a little less).
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.set_content(f"<!doctype html><html><head>{head}</head><body>{byline.format('<b id=by>By Maria Lopez</b>')}</body></html>")
    clipped = page.evaluate(
        """() => { const by = document.getElementById('by').getBoundingClientRect();
                   const box = document.getElementById('by').closest('[style*=overflow], .m').getBoundingClientRect();
                   return Math.min(box.bottom, by.bottom) - by.top < by.height / 2; }"""
    )
    page.close()
    assert clipped is hidden


def test_a_display_is_read_as_chromium_serialises_it(browser: Any) -> None:
    from tests.test_css_reading import DISPLAY_KEYWORDS_TAKEN, DISPLAY_READINGS, DISPLAYS_REFUSED

    page = browser.new_page()
    page.set_content("<!doctype html><span id=s>x</span>")
    serialised = page.evaluate(
        """values => Object.fromEntries(values.map(v => { const s = document.getElementById('s');
                 s.style.display = ''; s.style.display = v; return [v, s.style.display]; }))""",
        [*DISPLAY_READINGS, *DISPLAYS_REFUSED, *DISPLAY_KEYWORDS_TAKEN],
    )
    page.close()
    assert {value: serialised.pop(value) for value in DISPLAY_READINGS} == DISPLAY_READINGS
    assert {value: serialised.pop(value) for value in DISPLAYS_REFUSED} == dict.fromkeys(DISPLAYS_REFUSED, "")
    # A vendor keyword of the old flexbox is serialised as the standard one (-webkit-flex: flex).
    assert [value for value, shown in serialised.items() if not shown] == []


@pytest.mark.parametrize("doctype", ["", "<!doctype html>"], ids=["quirks mode", "standards mode"])
def test_a_value_is_taken_or_dropped_as_chromium_takes_or_drops_it(browser: Any, doctype: str) -> None:
    from tests.test_css_grammar import FLOW_RELATIVE_TAKEN, VALUES_REFUSED, VALUES_TAKEN

    page = browser.new_page()
    page.set_content(f"{doctype}<span id=s>x</span>")
    taken = page.evaluate(
        """declarations => declarations.filter(d => { const s = document.getElementById('s'), at = d.indexOf(':');
                 s.removeAttribute('style'); s.style.setProperty(d.slice(0, at), d.slice(at + 1).trim());
                 return s.style.getPropertyValue(d.slice(0, at)) !== ''; })""",
        [*VALUES_REFUSED, *VALUES_TAKEN, *FLOW_RELATIVE_TAKEN],
    )
    page.close()
    # Dropped in either mode; taken in quirks mode (the checker takes what either mode takes).
    assert [d for d in VALUES_REFUSED if d in taken] == []
    assert [d for d in FLOW_RELATIVE_TAKEN if d not in taken] == []
    if not doctype:
        assert [d for d in VALUES_TAKEN if d not in taken] == []


def test_a_math_function_computes_in_chromium_to_what_the_checker_reads(browser: Any) -> None:
    from tests.test_css_reading import MATH_READINGS

    page = browser.new_page()
    page.set_content("<!doctype html><div id=s>x</div>")
    computed = page.evaluate(
        """declarations => Object.fromEntries(declarations.map(d => { const s = document.getElementById('s'), at = d.indexOf(':');
                 s.removeAttribute('style'); s.style.setProperty(d.slice(0, at), d.slice(at + 1).trim());
                 return [d, getComputedStyle(s).getPropertyValue(d.slice(0, at))]; }))""",
        list(MATH_READINGS),
    )
    page.close()
    assert computed == MATH_READINGS


def _computed_colours(browser: Any, values: list[str], reading: str = "{}") -> dict[str, str]:
    """Chromium's computed `color` of each value, written into `reading` (its `{}`)."""
    page = browser.new_page()
    page.set_content("<!doctype html><div id=s>x</div>")
    computed: dict[str, str] = page.evaluate(
        """([values, reading]) => Object.fromEntries(values.map(v => { const s = document.getElementById('s');
                 s.style.color = ''; s.style.color = reading.replace('{}', v); return [v, getComputedStyle(s).color]; }))""",
        [values, reading],
    )
    page.close()
    return computed


def test_a_colour_the_checker_reads_itself_is_the_colour_chromium_paints(browser: Any) -> None:
    from tests.test_css_reading import COLOUR_READINGS

    assert _computed_colours(browser, list(COLOUR_READINGS)) == COLOUR_READINGS


def test_a_colour_of_another_space_is_the_colour_chromium_paints(browser: Any) -> None:
    from tests.test_css_reading import SPACE_READING, SPACE_READINGS

    assert _computed_colours(browser, list(SPACE_READINGS), SPACE_READING) == SPACE_READINGS


# `@supports` conditions, as `css.supports_condition` reads them: "none" where Chromium fails them
# (and every browser, for a property none knows), "every" where it meets them.
SUPPORTS_CONDITIONS = {
    "(foo: bar)": "none",
    "(display: bogus)": "none",
    "(opacity: red)": "none",
    "(display: grid) and (fake-property: 1)": "none",
    "(foo: 1) or ((bar: 2) or (opacity: red))": "none",
    "(display: grid)": "every",
    "(foo: bar) or (display: flex)": "every",
    "(--brand: red)": "every",
    "(display: grid) and ((foo: 1) or (float: left))": "every",
    "not (foo: bar)": "every",
    "not (display: bogus)": "every",
    "(display: grid) and (not (foo: bar))": "every",
}


def test_the_css_properties_and_supports_conditions_are_chromiums(browser: Any) -> None:
    import tinycss2

    from compliance.document.css import supports_condition
    from compliance.document.css_properties import CHROMIUM_PROPERTIES

    page = browser.new_page()
    page.set_content("<!doctype html><div id=s>x</div>")
    known = page.evaluate(
        """() => { const s = document.body.style; const names = new Set();
             for (const k in s) { if (typeof s[k] === 'string' && k !== 'cssText')
               names.add(k.replace(/[A-Z]/g, m => '-' + m.toLowerCase()).replace(/^webkit-/, '-webkit-')); }
             return [...names].filter(n => CSS.supports(n, 'initial') || CSS.supports(n, 'inherit')); }"""
    )
    met = page.evaluate("conditions => conditions.map(c => CSS.supports(c))", list(SUPPORTS_CONDITIONS))
    page.close()
    assert set(known) == CHROMIUM_PROPERTIES
    assert {c: "every" if m else "none" for c, m in zip(SUPPORTS_CONDITIONS, met, strict=True)} == SUPPORTS_CONDITIONS
    read = {c: supports_condition(tinycss2.parse_stylesheet(f"@supports {c}{{}}")[0].prelude) for c in SUPPORTS_CONDITIONS}
    assert read == SUPPORTS_CONDITIONS


# `@supports selector(…)` tests, as `css.supports_condition` reads them: "every" where Chromium
# meets them, "some" where it fails them (another engine may meet them).
SELECTOR_CONDITIONS = {
    "selector(:has(a))": "every",
    "selector(::details-content)": "every",
    "selector(DETAILS::Details-Content)": "every",
    "selector(.a > .b:nth-child(2n of .c))": "every",
    "selector(:is(.a, .b))": "every",
    "(display: grid) and selector(:focus-visible)": "every",
    "selector(:-moz-focusring) or selector(:where(.a))": "every",
    "selector(:-moz-focusring)": "some",
    "selector(:is(.a, :bogus))": "some",
    "selector(.a, .b)": "some",
    "selector(> .a)": "some",
    "not selector(:has(a))": "some",
    "selector(:has(a)) and (not selector(p))": "some",
}


def test_supports_selector_conditions_are_met_as_in_chromium(browser: Any) -> None:
    import tinycss2

    from compliance.document.css import supports_condition

    page = browser.new_page()
    page.set_content("<!doctype html><p>x</p>")
    met = page.evaluate("conditions => conditions.map(c => CSS.supports(c))", list(SELECTOR_CONDITIONS))
    page.close()
    assert {c: "every" if m else "some" for c, m in zip(SELECTOR_CONDITIONS, met, strict=True)} == SELECTOR_CONDITIONS
    read = {c: supports_condition(tinycss2.parse_stylesheet(f"@supports {c}{{}}")[0].prelude) for c in SELECTOR_CONDITIONS}
    assert read == SELECTOR_CONDITIONS


# What takes an element's text away, and what takes the whole element away, for `_leaves_ink`.
_NO_TEXT = "color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important"
_NOTHING = "visibility: hidden !important"


def _leaves_ink(
    browser: Any, body: str, removed: str = _NOTHING, doctype: str = "<!doctype html>", screen: tuple[int, int] = (1280, 800), *, scrolled: bool = False
) -> bool:
    """Whether the element `#it` of a page's body paints anything (`removed`: its text, or all of
    it): the screenshot differs from the one with that taken away (what paints nothing leaves it
    alike). `doctype`: the page's (none: a page in quirks mode); `screen`: the viewport's width
    and height in CSS pixels; `scrolled`: the viewport scrolled as far right as the page lets a
    reader scroll, too."""
    page = browser.new_page(viewport={"width": screen[0], "height": screen[1]})
    page.set_content(f"{doctype}<html><body>{body}</body></html>")

    def shots() -> list[bytes]:
        taken = [page.screenshot()]
        if scrolled:
            # As a reader scrolls, with the wheel: a page that clips its overflow does not move.
            page.mouse.move(screen[0] / 2, screen[1] / 2)
            page.mouse.wheel(100000, 0)
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            taken.append(page.screenshot())
            page.evaluate("() => window.scrollTo(0, 0)")
        return taken

    painted = shots()
    page.evaluate("removed => { document.getElementById('it').style.cssText += ';' + removed; }", removed)
    taken_away = shots()
    page.close()
    return painted != taken_away


def test_a_filter_paints_text_and_pictures_as_the_checker_reads_it(browser: Any) -> None:
    from tests.test_hiding_families import FILTERED_TEXT, FILTERS_NOT_JUDGED, FLAT_LOGO_STYLES

    text = {style: _leaves_ink(browser, f'<p id=it style="{style}">By Maria Lopez</p>', _NO_TEXT) for style in [*FILTERED_TEXT, *FILTERS_NOT_JUDGED]}
    assert text == {**FILTERED_TEXT, **dict.fromkeys(FILTERS_NOT_JUDGED, False)}
    # A logo the checker calls a silhouette of the background leaves no ink (a one-colour picture
    # may leave none under other filters too: `invert(1)` of a black one, which the checker
    # rightly does not judge, since a logo is of several colours).
    picture = _png(300, 100)
    hidden = [style for style, flat in FLAT_LOGO_STYLES.items() if flat]
    assert [style for style in hidden if _leaves_ink(browser, f'<img id=it style="{style}" src="{picture}">')] == []
    assert _leaves_ink(browser, f'<img id=it style="filter:brightness(0)" src="{picture}">')


def test_a_filter_around_a_logo_paints_it_as_the_checker_reads_it(browser: Any) -> None:
    from tests.test_hiding_families import ANCESTOR_FILTERED_LOGOS as cases

    # (The test picture is of one colour, which `invert(1)` alone may turn white too: only the
    # rows the checker hides, and a black silhouette, are compared.)
    picture = _png(300, 100)
    hidden = [style for style, flat in cases.items() if flat]
    assert [style for style in hidden if _leaves_ink(browser, f'<div style="{style}"><img id=it src="{picture}"></div>')] == []
    assert _leaves_ink(browser, f'<div style="filter:brightness(0)"><img id=it src="{picture}"></div>')


def test_text_drawn_by_its_shadow_alone_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import SHADOW_ONLY_TEXT

    # The text's shadow is taken away with its colour (`_NO_TEXT`): what is left is the box.
    inked = {style: _leaves_ink(browser, f'<p id=it style="{style}">By Maria Lopez</p>', _NO_TEXT) for style in SHADOW_ONLY_TEXT}
    assert [style for style, hidden in SHADOW_ONLY_TEXT.items() if hidden and inked[style]] == []
    assert [style for style, hidden in SHADOW_ONLY_TEXT.items() if not hidden and not inked[style]] == []


def test_a_mask_keeps_of_the_text_what_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import MASKS

    inked = {style: _leaves_ink(browser, f'<p id=it style="{style}">By Maria Lopez</p>') for style in MASKS}
    assert inked == {style: not hidden for style, hidden in MASKS.items()}


def test_a_data_svg_mask_that_draws_nothing_leaves_no_ink(browser: Any) -> None:
    from tests.test_hiding_families import DRAWING_NOTHING_MASKS as cases

    inked = {style: _leaves_ink(browser, f'<p id=it style="{style}">By Maria Lopez</p>') for style in cases}
    assert inked == {style: not hidden for style, hidden in cases.items()}


def test_an_offset_in_percent_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import PERCENT_OFFSETS

    inked = {style: _leaves_ink(browser, f'<article><h1>Headline</h1><p id=it style="{style}">By Maria Lopez</p></article>') for style in PERCENT_OFFSETS}
    assert inked == {style: not hidden for style, hidden in PERCENT_OFFSETS.items()}


def test_other_ways_of_leaving_the_byline_unseen_leave_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import OTHER_HIDING

    inked = {css: _leaves_ink(browser, f"<style>{css}</style><p id=it class=by>By Maria Lopez</p>") for css in OTHER_HIDING}
    assert inked == {css: not hidden for css, hidden in OTHER_HIDING.items()}


def test_composed_and_repainted_css_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import COMPOSED_CSS as cases

    inked = {key: _leaves_ink(browser, f"<style>{key[0]}</style>{key[1].format('<span id=it>By Maria Lopez</span>')}") for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}


def test_details_content_rules_leave_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import DETAILS_CONTENT_CASCADE as cases

    inked = {key: _leaves_ink(browser, f"<style>{key[0]}</style>{key[1].format('<span id=it>By Maria Lopez</span>')}") for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}


# Bylines of several lengths and scripts, drawn in the common faces, regular and bold, at several sizes.
_MEASURED_BYLINES = [
    "By Jake Smith, Daily Caller News Foundation",
    "By Maria Lopez-Garcia and Tom Reyes, Daily Caller News Foundation",
    "BY JAKE SMITH, DAILY CALLER NEWS FOUNDATION",
    "Por María López, Agencia EFE",
    "Von Jürgen Müller, Deutsche Presse-Agentur",
    "WWW MMM @@@ %%% mmm www",
    "记者 王小明 新华社北京电",
    "Автор Иван Петров, ТАСС",
]
_MEASURED_FACES = ["serif", "sans-serif", "monospace", "DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Liberation Mono"]


def test_a_line_of_text_is_drawn_no_wider_than_the_checker_bounds_it(browser: Any) -> None:
    from compliance.document.text_width import widest_ems

    page = browser.new_page()
    page.set_content("<!doctype html><body></body>")
    drawn = page.evaluate(
        """([texts, faces]) => { const found = [];
        for (const text of texts) for (const face of faces) for (const weight of ['normal', 'bold']) for (const size of [12, 16, 23]) {
            const span = document.createElement('span');
            span.style.cssText = `font-family:${face};font-weight:${weight};font-size:${size}px;white-space:nowrap`;
            span.textContent = text; document.body.append(span);
            found.push([text, face, weight, size, span.getBoundingClientRect().width]); span.remove(); }
        return found; }""",
        [_MEASURED_BYLINES, _MEASURED_FACES],
    )
    page.close()
    wider = [(text, face, weight, size, width) for text, face, weight, size, width in drawn if width > widest_ems(text) * size]
    assert wider == []
    # A bound, not a guess far off: Latin bylines take at least 60% of it in some face.
    latin = [text for text in _MEASURED_BYLINES if text.isascii()]
    assert all(max(width / (widest_ems(text) * size) for t, _, _, size, width in drawn if t == text) > 0.6 for text in latin)


def test_a_media_query_for_most_readers_hides_where_the_checker_says(browser: Any) -> None:
    from tests.test_media_queries import MEDIA_HIDING as cases

    # Chromium as most readers run it: a colour screen, scripts on, no preference set.
    inked = {css: _leaves_ink(browser, f"<style>{css}</style><p id=it class=x>By Maria Lopez</p>") for css in cases}
    assert inked == {css: not hidden for css, hidden in cases.items()}


def test_a_namespaced_selector_hides_where_the_checker_says(browser: Any) -> None:
    from tests.test_css_namespaces import NAMESPACED_HIDING as cases

    inked = {css: _leaves_ink(browser, f"<style>{css}</style><article><p id=it class=byline>By Maria Lopez</p></article>") for css in cases}
    assert inked == {css: not hidden for css, hidden in cases.items()}


def test_a_credit_shown_again_on_wide_screens_only_leaves_no_ink_on_a_phone(browser: Any) -> None:
    from tests.test_media_queries import MOBILE_FIRST

    # The width queries among them: the warning's query holds on a 320px phone, not at 1280px.
    cases = [css for css in MOBILE_FIRST if "hover" not in css and "color-scheme" not in css]
    body = "<style>{}</style><article><p id=it class=byline>By Maria Lopez</p></article>"
    assert [css for css in cases if _leaves_ink(browser, body.format(css), screen=(320, 640))] == []
    assert [css for css in cases if not _leaves_ink(browser, body.format(css), screen=(1280, 800))] == []


@pytest.mark.parametrize("screen", [(320, 640), (1280, 800)], ids=["phone", "desktop"])
def test_rules_under_queries_together_every_screen_meets_leave_no_ink(browser: Any, screen: tuple[int, int]) -> None:
    from tests.test_media_queries import TOGETHER_EVERY_SCREEN as cases

    body = "<style>{}</style><div class=box><p id=it class=x>By Maria Lopez</p></div>"
    assert [css for css in cases if _leaves_ink(browser, body.format(css), screen=screen)] == []
    # The same page without the rules leaves ink there.
    assert _leaves_ink(browser, body.format(""), screen=screen)


def test_a_box_moved_where_no_scrolling_reaches_leaves_no_ink_on_any_screen(browser: Any) -> None:
    from tests.test_hiding_families import OFF_THE_SCREEN as cases

    body = "<style>{}</style><p id=it class=by>By Maria Lopez</p>"
    inked = {css: [_leaves_ink(browser, body.format(css), screen=screen, scrolled=True) for screen in ((320, 640), (1280, 800))] for css in cases}
    # Hidden: no ink on either screen, wherever it scrolls; seen: ink on one at least.
    assert [css for css, hidden in cases.items() if hidden and any(inked[css])] == []
    assert [css for css, hidden in cases.items() if not hidden and not any(inked[css])] == []


def test_a_box_clipping_its_one_line_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_line_clip import LINE_CLIP_NOT_READ
    from tests.test_hiding_line_clip import LINE_CLIP_ROWS as cases

    inked = {key: _leaves_ink(browser, f"<style>{key[0]}</style><article><h1>Pipeline rule shelved</h1>{key[1]}</article>") for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}
    # The checker's reading stays a lower bound: these it reads as seen, and Chromium hides.
    assert not any(_leaves_ink(browser, f"<style>{css}</style><article><h1>Pipeline rule shelved</h1>{markup}</article>") for css, markup in LINE_CLIP_NOT_READ)


_CLIPPED_BYLINES = [
    "By Nick Pope, Daily Caller News Foundation",
    "By Lily Jill Li, Illinois Times",
    "By AV Tyler-Young, Yvette Avery and Tova Wayne, ProPublica",
    "BY T. J. WILLIAMS, THE TEXAS TRIBUNE",
    # Kerned closest of the bylines measured ("WA", "AV", "To", "Ya", "LaT").
    "By WAVY Tova, AVA Yvonne Tyrell, LaToya Wyatt",
]
_CLIPPED_FACES = ["", "serif", "sans-serif", "Arial", "'Times New Roman'", "Georgia", "Verdana", "Helvetica, Arial, sans-serif", "system-ui", "monospace"]
_CLIPPED_SIZES = ["11px", "12px", "13px", "14px", "16px", "18px", "20px", "0.875em", "87.5%", "0.875rem", "small"]
_CLIPPED_STYLES = ["", "font-weight:bold", "font-style:italic", "font-weight:bold;font-style:italic"]


def test_a_clipped_byline_s_words_the_checker_cuts_start_past_the_box_s_edge_in_chromium(browser: Any) -> None:
    # The rule of thumb of `line_clip` in the common faces (`text_width.narrowest_common_ems`),
    # for a byline whose font its parent sets: every word it leaves out starts at or past the
    # right edge of the box in Chromium, for faces serif, sans-serif and monospace, regular, bold
    # and italic, 11px to 20px, and boxes 60px to 380px wide. (A word starting before the edge
    # shows, or its ellipsis does.)
    import itertools

    import lxml.html

    from compliance.document.visibility import PageStyle

    clip = ".byline{{display:inline-block;max-width:{}px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}}"
    cases = list(itertools.product(_CLIPPED_BYLINES, _CLIPPED_FACES, _CLIPPED_SIZES, _CLIPPED_STYLES, range(60, 400, 40)))

    def meta(face: str, size: str, style: str) -> str:
        return (f"font-family:{face};" if face else "") + f"font-size:{size};{style}"

    cut: list[int | None] = []
    for text, face, size, style, width in cases:
        css = f".meta{{{meta(face, size, style)}}}" + clip.format(width)
        root = lxml.html.fromstring(
            f"<!doctype html><html><head><style>{css}</style></head><body><p class=meta><span class=byline>{text}</span></p></body></html>"
        )
        cut.append(PageStyle.of(root).line_clipped.get((root.find_class("byline")[0], False)))
    assert sum(at is not None for at in cut) > len(cases) / 4  # (a bound that cuts, not one that never does)
    page = browser.new_page()
    starts: list[tuple[float, float]] = []
    for first in range(0, len(cases), 1000):
        chunk = list(enumerate(zip(cases[first : first + 1000], cut[first : first + 1000], strict=True)))
        rules = "".join(f"#c{n} .meta{{{meta(face, size, style)}}} #c{n} {clip.format(width)}" for n, ((_, face, size, style, width), _) in chunk)
        body = "".join(f"<div id=c{n}><p class=meta><span class=byline>{text}</span></p></div>" for n, ((text, *_), _) in chunk)
        page.set_content(f"<!doctype html><html><head><style>{rules}</style></head><body>{body}</body></html>")
        starts += page.evaluate(
            """(cuts) => cuts.map((at, n) => { const box = document.querySelector(`#c${n} .byline`); if (at === null) return [0, 0];
                const range = document.createRange(); range.setStart(box.firstChild, at); range.setEnd(box.firstChild, at + 1);
                return [range.getBoundingClientRect().left - box.getBoundingClientRect().left, box.clientWidth]; })""",
            [at for _, (_, at) in chunk],
        )
    page.close()
    shown = [(case, at, start, edge) for case, at, (start, edge) in zip(cases, cut, starts, strict=True) if at is not None and start < edge - 0.01]
    assert shown == []


def test_a_first_line_rule_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_first_line import FIRST_LINE_NOT_READ
    from tests.test_hiding_first_line import FIRST_LINE_ROWS as cases

    inked = {key: _leaves_ink(browser, f"<style>{key[0]}</style><article><h1>Pipeline rule shelved</h1>{key[1]}</article>") for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}
    # The checker's reading stays a lower bound: these it reads as seen, and Chromium hides.
    assert not any(
        _leaves_ink(browser, f"<style>{css}</style><article><h1>Pipeline rule shelved</h1>{markup}</article>") for css, markup in FIRST_LINE_NOT_READ
    )


def test_text_drawn_as_bullets_reads_the_same_whatever_it_says(browser: Any) -> None:
    from tests.test_hiding_families import TEXT_SECURITY as cases

    def drawn(body: str) -> bytes:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_content(f"<!doctype html><html><body>{body}</body></html>")
        shot = page.screenshot()
        page.close()
        return bytes(shot)

    # Two bylines of as many letters: drawn alike, no reader can tell what either says.
    alike = {
        key: drawn(f"<style>{key[0]}</style>{key[1].format('By Maria Lopez')}") == drawn(f"<style>{key[0]}</style>{key[1].format('Xy Qwert Zuvbn')}")
        for key in cases
    }
    assert alike == cases


def test_a_picture_moved_out_of_its_box_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import MOVED_PICTURES as cases

    # A picture wider than the box: where the checker does not know its size (`object-fit: none`,
    # `cover`, no size given), some of it shows.
    picture = _png(1000, 60)
    inked = {key: _leaves_ink(browser, f'<style>{key[0]}</style><p><img id=it class=lg {key[1]} src="{picture}"></p>') for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}


def test_a_helper_class_no_stylesheet_defines_hides_nothing(browser: Any) -> None:
    # A whole page whose CSS is all read and does not define `sr-only` (the checker's row of
    # `HELPER_CLASS_PAGES` with a `<title>` alone), and one whose `<style>` defines it.
    assert _leaves_ink(browser, '<title>Pipeline rule</title><p class="sr-only"><span id=it>By Maria Lopez</span></p>')
    defined = "<style>.sr-only{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}</style>"
    assert not _leaves_ink(browser, f'{defined}<p class="sr-only"><span id=it>By Maria Lopez</span></p>')


def test_a_logo_overflowing_what_paints_over_it_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import OVERFLOWING_LOGO_PAINTERS as cases

    picture = _png(300, 100)
    inked = {markup: _leaves_ink(browser, markup.format(f'id=it src="{picture}"')) for markup in cases}
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_a_logo_background_placed_off_its_box_leaves_ink_where_the_checker_says(browser: Any) -> None:
    # No ink where the checker says no part of the picture is in the box (for a box-sized picture
    # and a 600px sprite alike), ink where it reads the picture as seen, at a size it may have.
    from tests.test_background_logo_placing import IN_BOX, IN_BOX_NOT_READ, OFF_BOX

    def inked(css: str, size: tuple[int, int]) -> bool:
        picture = _png(*size)
        rule = f".dcnf-logo{{display:block;width:120px;height:40px;background:url(/img/dcnf-logo.png) no-repeat;{css}}}"
        return _leaves_ink(browser, f"<style>{rule.replace('/img/dcnf-logo.png', picture)}</style><div id=it class=dcnf-logo></div>")

    assert [css for css in OFF_BOX for size in ((120, 40), (600, 200)) if inked(css, size)] == []
    assert [css for css, size in IN_BOX.items() if not inked(css, size)] == []
    assert [css for css in IN_BOX_NOT_READ if inked(css, (120, 40))] == []


def test_a_logo_under_a_cover_sized_over_it_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_sized_covers import SIZED_COVERS as cases
    from tests.test_hiding_sized_covers import SIZED_COVERS_NOT_READ

    picture = _png(300, 90)
    inked = {markup: _leaves_ink(browser, f"<article><h1>Headline</h1>{markup.format(f'id=it src={picture!r}')}</article>") for markup in cases}
    assert inked == {markup: not hidden for markup, hidden in cases.items()}
    # The checker's reading stays a lower bound: these it reads as seen, and Chromium hides.
    assert not any(_leaves_ink(browser, f"<article><h1>Headline</h1>{markup.format(f'id=it src={picture!r}')}</article>") for markup in SIZED_COVERS_NOT_READ)


def test_a_logo_in_a_box_of_the_article_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_article_boxes import HIDDEN_CREDIT_BOXES as cases

    logo = f"id=it src={_png(300, 60)!r}"
    inked = {markup: _leaves_ink(browser, f"<article><h1>Headline</h1>{markup.format(logo)}<p>By Maria Lopez</p></article>") for markup in cases}
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_a_credit_link_the_checker_calls_hidden_leaves_no_ink(browser: Any) -> None:
    from tests.test_detection_hidden_credit_link import ON_LINK, STYLE_SHEET

    def page(attrs: str) -> str:
        link = f'<a id=it href="https://www.texastribune.org/2024/10/02/farm-towns/"{attrs}>The Texas Tribune</a>'
        return f"<style>{STYLE_SHEET}</style><article><h1>Headline</h1><p>Este artículo se publicó originalmente en {link}.</p></article>"

    assert {hiding: _leaves_ink(browser, page(attrs)) for hiding, (attrs, _) in ON_LINK.items()} == dict.fromkeys(ON_LINK, False)
    assert _leaves_ink(browser, page(""))


def test_markup_around_the_byline_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import BYLINE_SURROUNDINGS as cases

    inked = {markup: _leaves_ink(browser, markup.format("<span id=it>By Maria Lopez</span>")) for markup in cases}
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_a_hashless_colour_leaves_ink_where_the_checker_says_in_either_mode(browser: Any) -> None:
    from tests.test_hiding_families import QUIRKS_HASHLESS_COLOURS as cases

    quirks = {markup: _leaves_ink(browser, markup.format("<span id=it>By Maria Lopez</span>"), doctype="") for markup in cases}
    assert quirks == {markup: not hidden for markup, hidden in cases.items()}
    assert [markup for markup in cases if not _leaves_ink(browser, markup.format("<span id=it>By Maria Lopez</span>"))] == []


def test_an_objects_fallback_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import OBJECT_FALLBACK

    inked = {markup: _leaves_ink(browser, markup.format("<span id=it>By Maria Lopez</span>")) for markup in OBJECT_FALLBACK}
    assert inked == {markup: not hidden for markup, hidden in OBJECT_FALLBACK.items()}


def test_a_selector_list_is_kept_or_dropped_as_chromium_keeps_or_drops_it(browser: Any) -> None:
    from tests.test_selector_lists import SELECTOR_LISTS_DROPPED, SELECTOR_LISTS_KEPT

    page = browser.new_page()
    page.set_content("<!doctype html><style id=s></style>")
    # A rule is inserted as a page's <style> would hold it; cssRules counts it only when kept.
    kept = page.evaluate(
        """lists => lists.filter(list => { const sheet = document.getElementById('s').sheet;
                 while (sheet.cssRules.length) sheet.deleteRule(0);
                 try { sheet.insertRule(list + ' { display: none }'); } catch (e) { return false; }
                 return sheet.cssRules.length === 1; })""",
        [*SELECTOR_LISTS_KEPT, *SELECTOR_LISTS_DROPPED],
    )
    page.close()
    assert [selectors for selectors in SELECTOR_LISTS_KEPT if selectors not in kept] == []
    assert [selectors for selectors in SELECTOR_LISTS_DROPPED if selectors in kept] == []


def _first_sight_pages() -> list[tuple[str, list[str]]]:
    from tests.test_first_sight import AUTOFOCUS_PAGES, FIRST_SIGHT_MARKUP, FIRST_SIGHT_SELECTORS, FOCUS_SELECTORS

    return [(FIRST_SIGHT_MARKUP, FIRST_SIGHT_SELECTORS), *((markup, FOCUS_SELECTORS) for markup in AUTOFOCUS_PAGES)]


@pytest.mark.parametrize(("markup", "selectors"), _first_sight_pages())
def test_pseudo_classes_match_what_chromium_matches(browser: Any, markup: str, selectors: list[str]) -> None:
    from tests.test_first_sight import checker_matches

    page = browser.new_page()
    page.set_content(markup)
    # The element `autofocus` names is focused at the next rendering of the page.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    matched = page.evaluate(
        "selectors => selectors.map(s => [...document.querySelectorAll(s)].map(e => e.id || e.tagName.toLowerCase()))",
        selectors,
    )
    page.close()
    differ = {s: (ids, checker_matches(markup, s)) for s, ids in zip(selectors, matched, strict=True)}
    assert {s: pair for s, pair in differ.items() if pair[0] != pair[1]} == {}


def test_scoped_rules_match_what_chromium_matches(browser: Any) -> None:
    from tests.test_scope import SCOPE_MARKUP, SCOPE_SHEETS, SCOPE_SHEETS_NOT_APPLIED, checker_hides

    page = browser.new_page()
    page.set_content(SCOPE_MARKUP + "<style id=sheet></style>")
    hidden = [
        page.evaluate(
            """sheet => { document.getElementById('sheet').textContent = sheet;
                 return [...document.body.querySelectorAll('[id]:not(style)')].filter(e => getComputedStyle(e).display === 'none').map(e => e.id); }""",
            sheet,
        )
        for sheet in SCOPE_SHEETS
    ]
    page.close()
    checker = {sheet: checker_hides(SCOPE_MARKUP, sheet) for sheet in SCOPE_SHEETS}
    chromium = dict(zip(SCOPE_SHEETS, hidden, strict=True))
    exact = [sheet for sheet in SCOPE_SHEETS if sheet not in SCOPE_SHEETS_NOT_APPLIED]
    assert {sheet: (chromium[sheet], checker[sheet]) for sheet in exact if chromium[sheet] != checker[sheet]} == {}
    # What the checker cannot scope exactly it does not apply: it hides nothing Chromium shows.
    assert [sheet for sheet in SCOPE_SHEETS_NOT_APPLIED if checker[sheet] or not chromium[sheet]] == []


def test_the_one_line_box_rows_are_found() -> None:
    assert len(_one_line_box_rows()) == 93


# Elements each written holding another (`<h4><p>`, `<p><section>`, `<table><div>`): the checker's
# tree must nest each pair as Chromium's does (see tests/test_tree_construction.py); a table's
# part (a cell, a row, a caption) outside any table holds nothing, its tag being dropped.
TREE_PARENTS = """caption td th tr tbody div span p h1 h2 h3 h4 h5 h6 b i em strong font small a section article aside header footer figure
    figcaption blockquote li ul ol dl dt dd table label center address pre nav main details summary form button u s sub
    sup code abbr cite q time mark big strike tt nobr var kbd samp dfn ins del menu dir legend fieldset map""".split()
TREE_CHILDREN = """p div h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table section article aside header footer figure figcaption
    blockquote address pre nav main form center hr img a span b font details menu dir fieldset listing embed""".split()


def test_the_tree_nests_each_element_as_chromium_does(browser: Any) -> None:
    from compliance.document import parse_document

    pairs = [(parent, child) for parent in TREE_PARENTS for child in TREE_CHILDREN]
    markup = "".join(f"<div><{parent} id=p{i}>a<{child} id=c{i}>x</{child}>b</{parent}></div>" for i, (parent, child) in enumerate(pairs))
    html = f"<!doctype html><html><body>{markup}</body></html>"
    root = parse_document(html.encode(), "html").root
    by_id = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    checker = [f"p{i}" in by_id and by_id[f"p{i}"] in by_id[f"c{i}"].iterancestors() for i in range(len(pairs))]
    page = browser.new_page()
    page.set_content(html)
    chromium = page.evaluate(
        "n => Array.from({length: n}, (_, i) => !!document.getElementById('p' + i)?.contains(document.getElementById('c' + i)))", len(pairs)
    )
    page.close()
    assert len(pairs) == 2911 and sum(chromium) > 2000
    assert [pair for pair, ours, theirs in zip(pairs, checker, chromium, strict=True) if ours != theirs] == []


# Markup whose tree a browser's parser builds with elements added, renamed or moved: the
# checker's tree, elements and words in order, must be Chromium's (see `nesting`).
TREES = [
    "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>",
    "<table><td>a</td><td>b</td></table>",
    "<table><tbody><tr><td>a</table>",
    "<table><caption>c</caption><tr><td>a</tr><tfoot><td>f</td></tfoot></table>",
    "<table><thead><th>h</th></thead><tr><td>a</td></tr></table>",
    "<table><colgroup><col></colgroup><tr><td>a</td></tr></table>",
    "<table><tr><td>a</td></tr><p>By Jo Roe</p>words<tr><td>b</td></tr></table>",
    "<table>one<tr><td>x</td>two<span>three</span></tr><p>four</p>five</table>",
    "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
    "<p>x<image src=a.png alt=logo>after <b>bold</b> more</p>",
    # Void elements libxml2 opens as containers: what follows is the parent's, not theirs.
    "<embed src=v.mp4><p>By Jo Roe</p><p>words</p>",
    "<div><embed>x<section>s</section>y</div>",
    "<p>a<wbr>b<wbr>c <b>d</b></p>",
    "<picture><source srcset=a.webp type=image/webp><img src=a.png alt=logo></picture><p>By Jo Roe</p>",
    "<video><source src=a.mp4><track src=a.vtt>fallback</video>words",
    "<div><keygen>k<bgsound>b</div>",
    "<svg><image href=a.png><title>T</title></image></svg>after",
    "<svg><image href=b.png></image></svg>",
    "<h4 class=x>Title<p>By Jo Roe</p>after</h4>",
    "<p>a<section>b</section>c<em>d</em>e</p>f",
    "<h1>a<h2>b<h3>c</h3></h2></h1>",
    "<dl><dt>a<dt>b<dd>c<dd>d</dl>",
    "<small><p>x</p>y</small>",
    "<a href=/><table><tr><td>x</td></tr></table></a>",
    "<pre><ul><li>x</li></ul></pre>",
    "<div>By Jo Roe</p>Daily Caller News Foundation</div>",
    "<p>a<button><div>b</div></button>c</p></p>d",
    # Formatting elements an element ended, re-opened before the next text or inline element.
    "<p><b>a</p>b<p>c</p>",
    "<p><i class=x>a</p> <p>b</p>",
    "<div><em>a</div><h2>b</h2>c",
    "<p><b>a<p>b</p>",
    "<p><b><i><u>a</p>b<span>c</span>",
    "<p><b><b><b><b>a</p>b",
    "<p><a href=a>x</p><a href=b>y</a>",
    "<ul><li><b>a<li>b</ul>c",
    "<table><tr><td><b>x</td></tr></table>y",
    "<table><b><tr><td>x</td></tr></table>y",
    "<table><div>a<tr><td>x</td></tr>b<tr><td>y</td></tr></div></table>",
    # Elements that are not void, written self-closed: opened all the same (but in SVG).
    "<div/>a<span class=x/>b</div>c",
    "<a href=x/>y</a>z",
    "<svg><circle r=1 /><rect/></svg>after<p/>x",
    # A form started in a form is ignored; a form in a table holds nothing.
    "<form>a<form><p>b</p></form>c</form>d",
    "<table><form><tr><td>a</td></tr></form></table>b",
    # An HTML block or inline element written in SVG or MathML ends it.
    "<svg><p>a</p>b</svg>c",
    "<svg><g><circle r=1></circle><font color=red>a</font></g></svg>b",
    "<math><mi>a</mi><div>b</div></math>c",
    # ... not in an integration point, which holds HTML, nor past it; and the words after the
    # elements it ends go with it. An `<mi>` is one in MathML only, `<annotation-xml>` with an
    # HTML encoding only.
    "<math><mi><p>a</p></mi><mtext><div>b</div></mtext><mo><b>c</b></mo></math>d",
    "<math><mi><svg><p>a</p></svg>b</mi></math>c",
    "<svg><desc><svg><g><b>a</b></g></svg></desc></svg>c",
    "<math><mrow><span>a</span></mrow>b</math>c",
    "<svg><g>a<circle></circle>b</g>c<p>d</p>e</svg>f",
    "<math><annotation-xml><p>a</p></annotation-xml></math>b",
    '<math><annotation-xml encoding="text/html"><p>a</p></annotation-xml></math>b',
    "<svg><mi><p>a</p></mi></svg>b",
    "<math><desc><p>a</p></desc></math>b",
    # A paragraph kept open in a <b> is ended by the next paragraph; a column group holds columns only.
    "<b><b><p>a<p>b</p></p>c",
    "<table><colgroup><col><p>a</p>b</colgroup><tr><td>x</td></tr></table>",
    # A paragraph ended by the next through elements libxml2 keeps open in it (a `<font>`, a link,
    # formatting elements re-opened in each paragraph).
    "<p class=x><font>a<p>b</p>c",
    "<p><a href=x>a<div>b</div>c",
    "<p><b><i><font>a<p><b><i><font>b<p><b><i><font>c<p class=x>d",
    # Formatting elements libxml2 ends without a word, whose end tags come later.
    "<p><code class=x>a</p><p>b</p></code>c",
    "<p><nobr>a</p><p>b</p></nobr>c",
    "<p><a href=x>a</p><p>b</p></a>c",
    # A paragraph or list item ended, with the elements open in it, at the start of what ends it
    # (libxml2 ends one only when nothing is open in it); not past a button or a nested list.
    "<p>a <span class=x>b<p>c</p>d",
    "<p>a <label>b<abbr>c<div>d</div>e</abbr>f</label>g</p>h",
    "<p>a <span>b<h2>c</h2>d<ul><li>e</ul>",
    "<p>a <span>b<table><tr><td>c</td></tr></table>d",
    "<p>a <b>b<span>c<section>d</section>e",
    "<p>a <button>b<div>c</div>d</button>e",
    "<p>a <object>b<div>c</div></object>d",
    "<ul><li>a <span>b<li>c<li>d</ul>",
    "<ul><li>a<div>b<li>c</ul>",
    "<ul><li>a <b>b<span>c<li>d</ul>",
    "<ol><li>a<div><ul><li>b</ul></div><li>c</ol>",
    "<ul><li>a<section>b<li>c</section></ul>",
    "<dl><dt>a <span>b<dd>c <q>d<dt>e<dd>f</dl>",
    # A row ends the cell and row it starts in, through what is open in the cell.
    "<table><tr><td>a <span class=x>b<tr><td>c</table>",
    "<table><tr><td>a <b class=x>b<span>c<tr><td>d</td></tr></table>",
    "<table><tr><td>a <span>b<table><tr><td>in</table>c<tr><td>d</table>",
    # A link's start tag ends the link open, a <nobr>'s the <nobr> and a button's the button, with
    # what is open in them (a <div> in a link is moved out by the adoption agency: left as it was).
    "<a href=x>a<span>b<a href=y>c</a>d</span>e</a>f",
    "<a href=x>a<b>b<a href=y>c</a>d</b>e</a>f",
    "<a href=x>a<table><tr><td><a href=y>b</a></td></tr></table></a>c",
    "<nobr>a<nobr>b</nobr>c",
    "<nobr>a<span>b<nobr>c</nobr>d</span>e</nobr>f",
    "<nobr>a<b>b<nobr>c</nobr>d</b>e</nobr>f",
    "<button>a<button>b</button>c</button>d",
    "<button>a<span>b<button>c</button>d</span>e</button>f",
    "<button>a<div>b<button>c</button>d</div>e</button>f",
    # An <hr> ends a paragraph, with what is open in it, though it is void.
    "<p>a <span class=x>b<hr>c</span>d</p>e",
    "<p>a<hr></p>b",
    # What follows a </body> or </html> is read into the element open there.
    "<article><p>a <span>b</body><p class=x>c</p>d</article>e",
    "<section><p>a</p></html><p>b</p>c</section>",
]


def _tree_of(element: Any, depth: int = 0) -> list[str]:
    """An element's descendants in document order: each element's tag and each text's words (not
    white space), by depth below it."""
    found = [f"{depth}:{(element.text or '').strip()!r}"] if (element.text or "").strip() else []
    for child in element:
        if isinstance(child.tag, str):
            found.append(f"{depth}:<{child.tag}>")
            found.extend(_tree_of(child, depth + 1))
        if (child.tail or "").strip():
            found.append(f"{depth}:{child.tail.strip()!r}")
    return found


# Markup whose tree differs in quirks mode (a page without a doctype): a table nests in the
# paragraph it starts in.
QUIRKS_TREES = [
    "<p>a<table><tr><td>b</td></tr></table>c</p>d",
    "<p class=x>a<table><tr><td>b</td></tr></table>",
    # A table in an element left open in a paragraph stays in it, the rest of the page read again.
    "<p>a <span class=x>b<table><tr><td>c</table><p>d",
]


@pytest.mark.parametrize(("doctype", "markup"), [*(("<!doctype html>", m) for m in TREES), *(("", m) for m in QUIRKS_TREES)])
def test_the_tree_is_chromiums(browser: Any, doctype: str, markup: str) -> None:
    from compliance.document import parse_document

    root = parse_document(f"{doctype}<html><body><div id=t>{markup}</div></body></html>".encode(), "html").root
    ours = _tree_of(next(root.iter("div")))
    page = browser.new_page()
    page.set_content(f"{doctype}<html><body><div id=t>{markup}</div></body></html>")
    theirs = page.evaluate(
        """() => { const found = [];
             const walk = (node, depth) => { for (const child of node.childNodes) {
               if (child.nodeType === 1) { found.push(depth + ':<' + child.localName + '>'); walk(child, depth + 1); }
               else if (child.nodeType === 3 && child.data.trim()) found.push(depth + ':' + JSON.stringify(child.data.trim()).replace(/^"|"$/g, "'")); } };
             walk(document.getElementById('t'), 0); return found; }"""
    )
    page.close()
    assert ours == theirs


@pytest.mark.parametrize("case", sorted(FRAMESET_DOCUMENTS))
def test_the_tree_of_a_page_with_a_frameset_is_chromiums(browser: Any, case: str) -> None:
    # The whole document but its head (libxml2 leaves out an empty one): a frameset document
    # holds its frames only, and a frameset a browser ignores leaves the body as written.
    from compliance.document import parse_document

    data = framed_page(*FRAMESET_DOCUMENTS[case][:2])
    root = parse_document(data, "html").root
    ours = [line for child in root if isinstance(child.tag, str) and child.tag != "head" for line in [f"0:<{child.tag}>", *_tree_of(child, 1)]]
    page = browser.new_page()
    page.set_content(data.decode())
    theirs = page.evaluate(
        """() => { const found = [];
             const walk = (node, depth) => { for (const child of node.childNodes) {
               if (child.nodeType === 1) { if (depth === 0 && child.localName === 'head') continue;
                 found.push(depth + ':<' + child.localName + '>'); walk(child, depth + 1); }
               else if (child.nodeType === 3 && child.data.trim()) found.push(depth + ':' + JSON.stringify(child.data.trim()).replace(/^"|"$/g, "'")); } };
             walk(document.documentElement, 0); return found; }"""
    )
    page.close()
    assert ours == theirs


def _elements_of(element: Any, depth: int = 0) -> list[str]:
    """The elements under one, in document order, each by its depth and tag; not those inside
    `<svg>`, `<math>`, `<template>` or `<noscript>` (whose content a browser with scripting on
    reads as text, and the checker reads for what it would show without scripts)."""
    found = []
    for child in element:
        if isinstance(child.tag, str):
            found.append(f"{depth}:{child.tag}")
            if child.tag not in ("svg", "math", "template", "noscript"):
                found.extend(_elements_of(child, depth + 1))
    return found


def test_the_tree_of_real_pages_is_chromiums(browser: Any) -> None:
    # The saved pages as Chromium parses them, served with their bytes (so that it decodes them
    # itself) and with scripting on but no script run (a content security policy blocks them).
    from compliance.document import parse_document

    corpus = SHARED / "corpora" / "readability-test-pages"
    requires_shared([corpus])
    pages = sorted(corpus.glob("*.html"))
    context = browser.new_context()
    page = context.new_page()
    served: dict[str, bytes] = {}

    def serve(route: Any) -> None:
        if route.request.url == "http://corpus.test/page":
            route.fulfill(status=200, body=served["page"], headers={"content-type": "text/html", "content-security-policy": "script-src 'none'"})
        else:
            route.abort()

    page.route("**/*", serve)
    walk = """() => { const found = []; const walk = (node, depth) => { for (const child of node.children) {
                const tag = child.localName; found.push(depth + ':' + tag);
                if (!['svg', 'math', 'template', 'noscript'].includes(tag)) walk(child, depth + 1); } };
              walk(document.body, 0); return found; }"""
    different = []
    for path in pages:
        served["page"] = path.read_bytes()
        page.goto("http://corpus.test/page", wait_until="domcontentloaded")
        body = parse_document(served["page"], "html").root.find("body")
        if _elements_of(body) != page.evaluate(walk):
            different.append(path.name)
    context.close()
    # The pages left differ where a browser ends a link at a link inside it (the adoption agency),
    # or attaches a shadow root where a page declares one (`<template shadowrootmode>`).
    assert len(pages) == 130 and len(different) <= 2, different


def test_a_cover_over_an_affiliation_on_the_byline_s_line_paints_over_what_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import COVERED_AFFILIATIONS as cases

    # Painted over as `test_a_cover_paints_over_its_box_s_own_text_as_chromium_paints_it` reads it,
    # at points across each line of `#it`'s words (the tips of a `y` below the box are not read).
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    covered = {}
    for markup in cases:
        page.set_content(f"<!doctype html><html><body><article><h1>Pipeline rule shelved</h1>{markup}</article></body></html>")
        covered[markup] = page.evaluate(
            """() => { const node = document.getElementById('it').firstChild;
                       const range = document.createRange(); range.selectNodeContents(node);
                       const opaque = (style) => { const alpha = style.backgroundColor.match(/rgba\\(.*,\\s*([\\d.]+)\\)$/);
                           return style.backgroundColor !== 'transparent' && (alpha === null || Number(alpha[1]) === 1); };
                       const at = (x, y) => { for (const element of document.elementsFromPoint(x, y)) {
                           if (element.contains(node)) return false;
                           if (opaque(getComputedStyle(element))) return true; }
                           return false; };
                       return [...range.getClientRects()].every((rect) => [1, 2, 3, 4, 5, 6, 7].every((i) =>
                           [0.2, 0.5, 0.8].every((down) => at(rect.left + rect.width * i / 8, rect.top + rect.height * down)))); }"""
        )
    page.close()
    assert covered == cases


def test_a_control_character_inside_a_word_is_drawn_as_a_box_in_the_word(browser: Any) -> None:
    # `fidelity` reads "no\x1bt" as the word "not" (tests/test_fidelity.py, CONTROLS_IN_WORDS):
    # Chromium does not drop the control, it draws a box inside the word, ink a reader sees, for
    # the information separators (\x1c-\x1f) as for the others; a zero-width space draws nothing.
    controls = {"\x01": True, "\x08": True, "\x1b": True, "\x1f": True, "\x7f": True, "\u200b": False}
    drawn = {control: _leaves_ink(browser, f"<p>no<span id=it>{control}</span>t funded</p>", _NO_TEXT) for control in controls}
    assert drawn == controls


def test_a_shadow_root_shows_and_hides_what_the_checker_says(browser: Any) -> None:
    from tests.test_shadow_dom import SHADOW_ROOTS as cases

    inked = {markup: _leaves_ink(browser, markup.format("By Maria Lopez")) for markup in cases}
    assert {markup: not ink for markup, ink in inked.items() if (not ink) is not cases[markup]} == {}


def test_svg_text_painted_in_the_current_colour_shows_and_hides_what_the_checker_says(browser: Any) -> None:
    from tests.test_shadow_dom import SVG_CURRENT_COLOUR as cases

    inked = {markup: _leaves_ink(browser, f"<p>{markup.format('By Maria Lopez')}</p>") for markup in cases}
    assert {markup: not ink for markup, ink in inked.items() if (not ink) is not cases[markup]} == {}


def test_svg_text_shows_and_hides_what_the_checker_says(browser: Any) -> None:
    from tests.test_shadow_dom import SVG_TEXT as cases

    inked = {markup: _leaves_ink(browser, f"<p>{markup.format('By Maria Lopez')}</p>") for markup in cases}
    assert {markup: not ink for markup, ink in inked.items() if (not ink) is not cases[markup]} == {}


@pytest.mark.parametrize(("markup", "hidden"), list(__import__("tests.test_hiding_families", fromlist=["x"]).COVERS_OF_OWN_TEXT.items()))
def test_a_cover_paints_over_its_box_s_own_text_as_chromium_paints_it(browser: Any, markup: str, hidden: bool) -> None:
    # Painted over: at points across each line of the words (seven across, three down), what
    # Chromium paints on top before the box that holds them is an opaque background (a box shown,
    # whose background's alpha is 1), or that box's own `::before` or `::after` placed absolutely
    # with one (not hit-tested as elements are); a part of them left uncovered shows.
    from tests.test_hiding_families import COVER_RULES

    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.set_content(f"<!doctype html><html><head>{COVER_RULES}</head><body>{markup.format('By Maria Lopez')}</body></html>")
    covered = page.evaluate(
        """() => { const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                   let node; while ((node = walker.nextNode()) && !node.data.includes('Maria')) {}
                   const range = document.createRange(); range.selectNodeContents(node);
                   const opaque = (style) => { const alpha = style.backgroundColor.match(/rgba\\(.*,\\s*([\\d.]+)\\)$/);
                       return style.backgroundColor !== 'transparent' && (alpha === null || Number(alpha[1]) === 1); };
                   const pseudo = (element) => ['::before', '::after'].some((which) => {
                       const style = getComputedStyle(element, which);
                       return style.content !== 'none' && style.position === 'absolute' && opaque(style); });
                   const at = (x, y) => { for (const element of document.elementsFromPoint(x, y)) {
                       if (element.contains(node)) return pseudo(element);
                       if (opaque(getComputedStyle(element))) return true; }
                       return false; };
                   return [...range.getClientRects()].every((rect) => [1, 2, 3, 4, 5, 6, 7].every((i) =>
                       [0.2, 0.5, 0.8].every((down) => at(rect.left + rect.width * i / 8, rect.top + rect.height * down)))); }"""
    )
    page.close()
    assert covered is hidden


@pytest.mark.parametrize(("markup", "hidden"), list(__import__("tests.test_hiding_by_layout", fromlist=["x"]).COLLAPSED_TRACKS.items()))
def test_a_grid_item_in_a_track_of_no_size_shows_what_the_checker_says(browser: Any, markup: str, hidden: bool) -> None:
    # Hidden: the words paint nothing (the screenshot is the same with them made invisible).
    assert (not _leaves_ink(browser, markup.format("By Maria Lopez"))) is hidden


def test_an_image_in_a_grid_track_of_no_size_is_drawn_at_its_own_height(browser: Any) -> None:
    # `normal` aligns a replaced element to the start of its track, at its own height: it shows
    # however it clips its overflow, as the checker reads it; wrapped in a box that clips, not.
    picture = _png(300, 100)
    assert _leaves_ink(browser, f'<div style="display:grid;grid-template-rows:0fr"><img id=it style="overflow:hidden" src="{picture}"></div>')
    assert not _leaves_ink(browser, f'<div style="display:grid;grid-template-rows:0fr"><div style="overflow:hidden"><img id=it src="{picture}"></div></div>')


def _pushed_rows() -> list[tuple[str, bool]]:
    from tests.test_hiding_families import PUSHED_BELOW_A_CLIP

    return [(markup, hidden) for markup, hidden in PUSHED_BELOW_A_CLIP.items() if "overflow:auto" not in markup]


@pytest.mark.parametrize(("markup", "hidden"), _pushed_rows())
def test_what_the_flow_pushes_below_a_clipping_box_is_hidden_as_chromium_lays_it_out(browser: Any, markup: str, hidden: bool) -> None:
    # Hidden: the words start at or below the bottom of the nearest box that clips its overflow.
    from tests.test_hiding_families import CLIP_RULES

    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.set_content(f"<!doctype html><html><head>{CLIP_RULES}</head><body>{markup.format('By Maria Lopez')}</body></html>")
    below = page.evaluate(
        """() => { const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                   let node; while ((node = walker.nextNode()) && !node.data.includes('Maria')) {}
                   const range = document.createRange(); range.selectNodeContents(node);
                   let box = node.parentElement;
                   while (getComputedStyle(box).overflowY === 'visible') box = box.parentElement;
                   return range.getBoundingClientRect().top >= box.getBoundingClientRect().bottom; }"""
    )
    page.close()
    assert below is hidden


def test_an_image_its_top_margin_pushes_below_a_clipping_box_starts_there_in_chromium(browser: Any) -> None:
    from tests.test_hiding_pushed_by_its_top_margin import IMAGE
    from tests.test_hiding_pushed_by_its_top_margin import PUSHED_BY_ITS_MARGIN as cases

    picture = _png(300, 60)
    below = {}
    for around, style in (key for key in cases if "overflow:auto" not in key[0]):
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.set_content(f"<!doctype html><html><body>{around.format(IMAGE.format(src=picture, style=style))}</body></html>")
        below[(around, style)] = page.evaluate(
            """() => { const image = document.getElementById('it'); let box = image.parentElement;
                       while (getComputedStyle(box).overflowY === 'visible') box = box.parentElement;
                       return image.getBoundingClientRect().top >= box.getBoundingClientRect().bottom; }"""
        )
        page.close()
    assert below == {key: hidden for key, hidden in cases.items() if key in below}


def test_a_byline_pushed_by_lengths_in_ems_starts_below_the_clipping_box_in_chromium(browser: Any) -> None:
    from tests.test_hiding_pushed_by_its_top_margin import PUSHED_IN_EMS as cases

    below = {}
    for markup in cases:
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.set_content(f"<!doctype html><html><body>{markup.format('By Maria Lopez')}</body></html>")
        below[markup] = page.evaluate(
            """() => { const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                       let node; while ((node = walker.nextNode()) && !node.data.includes('Maria')) {}
                       const range = document.createRange(); range.selectNodeContents(node);
                       let box = node.parentElement;
                       while (getComputedStyle(box).overflowY === 'visible') box = box.parentElement;
                       return range.getBoundingClientRect().top >= box.getBoundingClientRect().bottom; }"""
        )
        page.close()
    assert below == cases


_TEXT_WIDTH = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        if (walker.currentNode.data.includes('Maria')) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            return range.getBoundingClientRect().width;
        }
    }
    return -1;
}"""


def _drawn_text_width(browser: Any, body: str) -> float:
    """How wide Chromium draws the text naming Maria in a page's body, in CSS pixels: its
    advances scale with the size the text is drawn at (the height of zoomed text is not: its
    line is rounded to whole pixels)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_content(f"<!doctype html><html><body>{body}</body></html>")
    width = float(page.evaluate(_TEXT_WIDTH))
    page.close()
    return width


def test_text_shrunk_by_scales_and_zooms_is_drawn_as_small_as_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import SHRUNK_TEXT as cases

    # Hidden: drawn smaller than text of `font-size: 6px` (the smallest the checker reads).
    readable = _drawn_text_width(browser, '<p style="font-size:6px">By Maria Lopez</p>')
    drawn = {markup: _drawn_text_width(browser, markup.format("By Maria Lopez")) for markup in cases}
    assert all(width >= 0 for width in drawn.values()), drawn  # the text is found
    assert {markup: width < readable for markup, width in drawn.items()} == cases, (readable, drawn)


def test_text_too_small_to_read_is_drawn_smaller_than_six_pixel_text(browser: Any) -> None:
    from tests.test_hiding_tiny_text import READABLE_STYLES, TINY_STYLES

    readable = _drawn_text_width(browser, '<p style="font-size:6px">By Maria Lopez</p>')

    def drawn(style: str, root: str = "") -> float:
        return _drawn_text_width(browser, f'{root}<p style="{style}">By Maria Lopez</p>')

    # A size relative to the reader's default (`em`, `%` down from `medium`) Chromium raises to its
    # minimum logical font size, 6px; under a root whose size is set in px it draws it as asked.
    # The checker judges the size asked for (Firefox draws it so): those rows are read both ways.
    # (A sum with a length in px, `calc(2px + 0.1em)`, is drawn as asked.)
    relative = {style for style in TINY_STYLES if re.search(r"[\d.](?:em|%)", style) and "px" not in style}
    assert relative == {"font-size:0.1em", "font-size:0.3em", "font-size:30%"}
    assert {style: drawn(style) < readable for style in TINY_STYLES if style not in relative} == dict.fromkeys(set(TINY_STYLES) - relative, True)
    assert {style: round(drawn(style)) for style in relative} == dict.fromkeys(relative, round(readable))
    assert {style: drawn(style, "<style>html{font-size:16px}</style>") < readable for style in relative} == dict.fromkeys(relative, True)
    assert {style: drawn(style) >= readable for style in READABLE_STYLES} == dict.fromkeys(READABLE_STYLES, True)


def test_a_logo_shrunk_by_scales_and_zooms_is_drawn_as_small_as_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import SHRUNK_LOGOS as cases

    picture = _png(300, 60)
    sizes = {}
    for attributes, style in cases:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_content(f'<!doctype html><html><body><p><img id=it {attributes} style="{style}" src="{picture}"></p></body></html>')
        smaller_side = "() => { const r = document.getElementById('it').getBoundingClientRect(); return Math.min(r.width, r.height); }"
        sizes[(attributes, style)] = page.evaluate(smaller_side)
        page.close()
    # A logo of no known size is drawn at its picture's (here 300×60): the checker, not knowing
    # it, judges it by the zoom's own threshold and leaves those rows shown.
    unknown = {key for key in cases if "height" not in key[0] + key[1]}
    assert {key: size < 6 for key, size in sizes.items() if key not in unknown} == {key: hidden for key, hidden in cases.items() if key not in unknown}, sizes
    assert not any(cases[key] for key in unknown)


def test_a_logo_inside_boxes_that_shrink_it_is_drawn_as_small_as_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import SHRUNK_LOGOS_INSIDE as cases

    picture = _png(300, 60)
    sizes = {}
    for css, markup in cases:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_content(f"<!doctype html><html><head><style>{css}</style></head><body>{markup.format(src=picture)}</body></html>")
        smaller_side = "() => { const r = document.getElementById('it').getBoundingClientRect(); return Math.min(r.width, r.height); }"
        sizes[(css, markup)] = page.evaluate(smaller_side)
        page.close()
    assert {key: size < 6 for key, size in sizes.items()} == cases, sizes


# The largest difference on a channel (of 255) between two screenshots given as `data:` URLs.
_LARGEST_DIFFERENCE = """async ([first, second]) => {
    const load = source => new Promise(done => { const image = new Image(); image.onload = () => done(image); image.src = source; });
    const pictures = [await load(first), await load(second)];
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [pictures[0].width, pictures[0].height];
    const context = canvas.getContext('2d', {willReadFrequently: true});
    const pixels = pictures.map(picture => { context.clearRect(0, 0, canvas.width, canvas.height); context.drawImage(picture, 0, 0);
                                             return context.getImageData(0, 0, canvas.width, canvas.height).data; });
    let largest = 0;
    for (let i = 0; i < pixels[0].length; i++) largest = Math.max(largest, Math.abs(pixels[0][i] - pixels[1][i]));
    return largest;
}"""


# Whether each word after the first of the text in `#it` starts at or left of where the word
# before it started, or ends left of the screen: the words pile up or leave, none reads after it.
_WORDS_PILED = """() => {
    const text = document.getElementById('it'), words = [], walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (const found of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, found.index); range.setEnd(node, found.index + found[0].length);
            words.push(range.getBoundingClientRect());
        }
    }
    return words.length > 1 && words.slice(1).every((word, i) => word.left <= words[i].left || word.right <= 0);
}"""


@pytest.mark.parametrize(("css", "byline"), list(__import__("tests.test_hiding_by_layout", fromlist=["x"]).WORD_SPACINGS))
def test_a_word_spacing_piles_the_words_where_the_checker_says(browser: Any, css: str, byline: str) -> None:
    from tests.test_hiding_by_layout import WORD_SPACINGS

    # The longest word the threshold allows for, 15 letters.
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_content(f"<!doctype html><html><head><style>{css}</style></head><body><div id=it>{byline.format('By Maria Featherstonhau')}</div></body></html>")
    piled = page.evaluate(_WORDS_PILED)
    page.close()
    assert piled is WORD_SPACINGS[(css, byline)]


def test_a_logo_the_filters_leave_nothing_of_looks_the_same_whatever_its_picture(browser: Any) -> None:
    import base64

    from tests.test_hiding_moved_or_shrunk import FILTERED_PICTURES as cases
    from tests.test_hiding_moved_or_shrunk import png_data_url

    # Two logos of one size whose marks differ, a quarter of their height wide: a reader who
    # cannot tell them apart (under a tenth of the range on any channel) sees no logo.
    blue, white = b"\x10\x20\xc0", b"\xff\xff\xff"
    pictures = [png_data_url(300, 60, lambda x, _, shift=shift: blue if (x // 15 + shift) % 2 else white) for shift in (0, 1)]

    def shot(css: str, markup: str, picture: str) -> str:
        page = browser.new_page(viewport={"width": 800, "height": 400})
        page.set_content(f"<!doctype html><html><head><style>{css}</style></head><body style=margin:100px>{markup.format(src=picture)}</body></html>")
        taken = page.screenshot()
        page.close()
        return "data:image/png;base64," + base64.b64encode(taken).decode()

    page = browser.new_page()
    differences = {key: page.evaluate(_LARGEST_DIFFERENCE, [shot(*key, picture) for picture in pictures]) for key in cases}
    page.close()
    assert {key: difference < 26 for key, difference in differences.items()} == cases, differences


def test_a_logo_whose_paddings_and_borders_fill_its_box_draws_no_picture(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import CONTENT_BOXES as cases

    # What the picture draws: the page against one whose picture is moved out of the box (its
    # paddings, borders and background left as they are).
    picture = _png(300, 60)
    drawn = {style: _leaves_ink(browser, f'<p><img id=it style="{style}" src="{picture}"></p>', "object-position:-99999px 0") for style in cases}
    assert drawn == {style: not hidden for style, hidden in cases.items()}


def test_a_logo_sized_by_its_attributes_whose_paddings_and_borders_fill_it_draws_no_picture(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import ATTRIBUTE_SIZED_BOXES as cases

    picture = _png(300, 60)
    drawn = {key: _leaves_ink(browser, f'<p><img id=it {key[0]} style="{key[1]}" src="{picture}"></p>', "object-position:-99999px 0") for key in cases}
    assert drawn == {key: not hidden for key, hidden in cases.items()}


def test_a_picture_drawn_by_its_srcset_descriptor_is_as_small_as_the_checker_reads_it(browser: Any) -> None:
    import lxml.html

    from compliance.document.visibility import is_tiny_image

    picture = _png(600, 120)
    # Each candidate → whether the checker reads it drawn under 6px: its reading is a lower
    # bound (a `sizes` condition some screens meet, or a `w` candidate's height, is not judged).
    expected = {
        f'srcset="{picture} 1000x"': True,
        f'srcset="{picture} 100x"': True,
        f'srcset="{picture} 30x"': True,
        f'srcset="{picture} 20x"': False,
        f'srcset="{picture} 2x"': False,
        f'srcset="{picture} 600w" sizes="1px"': True,
        f'srcset="{picture} 600w" sizes="(max-width: 100px) 300px, 2px"': False,
        f'srcset="{picture} 600w" sizes="3px"': True,
        f'srcset="{picture} 600w" sizes="40px"': False,
        f'srcset="{picture} 600w"': False,
    }
    cases = list(expected)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    drawn = {}
    for attributes in cases:
        page.set_content(f"<!doctype html><html><body><img id=it {attributes} alt=logo></body></html>")
        page.wait_for_function("document.getElementById('it').complete")
        drawn[attributes] = page.evaluate("() => { const r = document.getElementById('it').getBoundingClientRect(); return Math.min(r.width, r.height) < 6 }")
    page.close()
    read = {attributes: is_tiny_image(lxml.html.fragment_fromstring(f"<img {attributes} alt=logo>")) for attributes in cases}
    assert read == expected
    assert [attributes for attributes in cases if read[attributes] and not drawn[attributes]] == []
    assert not drawn[f'srcset="{picture} 20x"'] and not drawn[f'srcset="{picture} 2x"'] and not drawn[f'srcset="{picture} 600w"']


def test_a_box_placed_off_the_page_from_any_side_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import FAR_OFFSETS as cases

    inked = {style: _leaves_ink(browser, f'<article><h1>Headline</h1><p id=it style="{style}">By Maria Lopez</p></article>') for style in cases}
    assert inked == {style: not hidden for style, hidden in cases.items()}


def test_a_box_moved_a_screen_right_leaves_ink_on_no_screen_where_the_checker_says_it_is_hidden(browser: Any) -> None:
    from tests.test_hiding_a_screen_right import A_SCREEN_RIGHT as cases

    screens = ((320, 640), (1280, 800), (2560, 600))
    inked = {
        markup: any(
            _leaves_ink(browser, f"<article><h1>Headline</h1>{markup.format('By Maria Lopez')}</article>", screen=screen, scrolled=True) for screen in screens
        )
        for markup in cases
    }
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_a_box_of_one_image_the_checker_calls_off_the_screen_leaves_no_ink_on_a_narrow_or_wide_screen(browser: Any) -> None:
    from tests.test_hiding_image_box_off_the_screen import IMAGE
    from tests.test_hiding_image_box_off_the_screen import IMAGE_BOXES as cases

    picture = _png(300, 60)
    screens = ((320, 640), (1280, 800))
    inked = {
        markup: any(_leaves_ink(browser, f"<h1>Headline</h1>{markup.format(IMAGE.format(src=picture))}", screen=screen) for screen in screens)
        for markup in cases
    }
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_the_last_item_of_a_grid_of_a_last_row_of_no_size_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_grid_last_row import GRID_LAST_ROWS as cases

    inked = {markup: _leaves_ink(browser, f"<article><h1>Headline</h1>{markup.format('By Maria Lopez')}</article>") for markup in cases}
    assert inked == {markup: not hidden for markup, hidden in cases.items()}


def test_lengths_in_every_unit_leave_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import UNITS_OF_EVERY_KIND

    # Chromium draws a font size in a font-relative unit no smaller than its minimum logical
    # font size (6px, `font-size: 0.01em` too): text the checker calls unreadable, as it does of
    # `0.01em`, that still leaves ink. Those rows are read by the checker alone.
    font_relative = re.compile(r"font-size:[\d.]+r?(?:cap|ic|lh)\b")
    cases = {style: hidden for style, hidden in UNITS_OF_EVERY_KIND.items() if not font_relative.match(style)}
    inked = {style: _leaves_ink(browser, f'<article><h1>Headline</h1><p id=it style="{style}">By Maria Lopez</p></article>') for style in cases}
    assert inked == {style: not hidden for style, hidden in cases.items()}
    assert len(cases) == len(UNITS_OF_EVERY_KIND) - 7


def test_text_painted_with_its_own_background_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import TEXT_OF_ITS_BACKGROUND_ROWS as cases

    inked = {key: _leaves_ink(browser, key[0].format(key[1])) for key in cases}
    assert inked == {key: not hidden for key, hidden in cases.items()}


def test_a_light_dark_colour_shows_the_byline_in_the_schemes_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import LIGHT_DARK_BYLINES, LIGHT_DARK_NOT_JUDGED, dcnf

    # Hidden: the byline's words paint nothing (the screenshot is the same with them made
    # invisible), for a reader who prefers light, and one who prefers dark. (Headless Chromium
    # paints the canvas dark for the latter even on a page with no dark scheme, which no browser
    # a reader uses does: those rows, None, are read for the light preference alone.)
    def hidden(key: tuple[str, str], scheme: str) -> bool:
        page = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
        page.set_content(dcnf(head=key[0], byline=key[1].replace("<p ", "<p id=it ", 1)).decode())
        painted = page.screenshot()
        page.evaluate("() => { document.getElementById('it').style.cssText += ';visibility:hidden !important'; }")
        taken_away = page.screenshot()
        page.close()
        return painted == taken_away

    seen = {key: (hidden(key, "light"), None if dark is None else hidden(key, "dark")) for key, (_, dark) in LIGHT_DARK_BYLINES.items()}
    assert seen == LIGHT_DARK_BYLINES
    assert {key: hidden(key, "light") for key in LIGHT_DARK_NOT_JUDGED} == LIGHT_DARK_NOT_JUDGED


def test_a_logo_under_its_own_outline_leaves_ink_where_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import OUTLINED_LOGOS, OUTLINES_NOT_JUDGED

    picture = _png(120, 40)

    def body(head: str, style: str) -> str:
        return f'{head}<p><img id=it class=lg style="{style}" src="{picture}" width="120" height="40"></p>'

    # The picture alone is taken away (moved out of its box), the outline left: a black outline
    # over it is ink, and hides it all the same.
    picture_moved = "object-position: 9999px 0 !important"
    inked = {key: _leaves_ink(browser, body(*key), picture_moved) for key in OUTLINED_LOGOS}
    assert inked == {key: not hidden for key, hidden in OUTLINED_LOGOS.items()}
    # Those the checker leaves seen are hidden in Chromium: what it does not judge, it says so.
    assert [key for key in OUTLINES_NOT_JUDGED if _leaves_ink(browser, body(*key), picture_moved)] == []


def test_a_text_box_and_an_image_button_show_what_the_checker_says(browser: Any) -> None:
    from tests.test_hiding_families import IMAGE_BUTTON_LOGOS, TEXT_BOX_BYLINES

    # The words of a text box leave ink unless the box is hidden (their colour taken away alone).
    boxes = {markup: _leaves_ink(browser, markup.replace("<textarea", "<textarea id=it", 1), _NO_TEXT) for markup in TEXT_BOX_BYLINES}
    assert boxes == {markup: not hidden for markup, hidden in TEXT_BOX_BYLINES.items()}
    # An image button is one where Chromium reads its `type` so, and then draws its picture
    # unless hidden or tiny (the picture moved out of its box is what is taken away).
    picture = _png(120, 40)
    page = browser.new_page()
    types = {}
    for markup in IMAGE_BUTTON_LOGOS:
        page.set_content(markup.format(f'id=it src="{picture}" alt="logo"'))
        types[markup] = page.evaluate("() => document.getElementById('it').type")
    page.close()
    buttons = [markup for markup, kind in types.items() if kind == "image"]
    assert [markup for markup in IMAGE_BUTTON_LOGOS if markup not in buttons] == ['<p><input type=" image" {}></p>', '<p><input type="submit" {}></p>']
    # (One of 2px or less draws a pixel or two, which the checker counts as no logo, as it does an `<img>`.)
    drawn = [markup for markup in buttons if 'width="1"' not in markup]
    inked = {markup: _leaves_ink(browser, markup.format(f'id=it src="{picture}" alt="logo"'), "object-position: 9999px 0 !important") for markup in drawn}
    assert inked == {markup: not IMAGE_BUTTON_LOGOS[markup] for markup in drawn}


def test_a_credit_bidirectional_controls_garble_is_laid_out_as_the_checker_reads_it(browser: Any) -> None:
    from compliance.bidi import CONTROLS, displayed
    from tests.test_bidi_controls import GARBLED_CREDITS

    # The order a reader sees: the characters of the line sorted by where Chromium draws them
    # (the controls, which draw nothing, left out), against `displayed`, which the rules read.
    # Controls that reorder no Latin letter, open or closed, keep the line as written.
    lines = [credit.split("</p><p>")[-1] for credit in GARBLED_CREDITS]
    pairs = (("\u202d", "\u202c"), ("\u2067", "\u2069"), ("\u2068", "\u2069"), ("\u202e", "\u202c"))
    lines += [f"By A{opener}na Lopez{closer}, Daily Caller News Foundation" for opener, close in pairs for closer in ("", close)]
    page = browser.new_page(viewport={"width": 1600, "height": 400})
    seen = {}
    for line in lines:
        page.set_content(f"<!doctype html><meta charset=utf-8><p id=it style='white-space:nowrap'>{line}</p>")
        seen[line] = page.evaluate(
            """(controls) => { const node = document.getElementById('it').firstChild; const drawn = [];
                   for (let i = 0; i < node.data.length; i++) { if (controls.includes(node.data[i])) continue;
                       const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
                       drawn.push([range.getBoundingClientRect().left, node.data[i]]); }
                   return drawn.sort((a, b) => a[0] - b[0]).map((d) => d[1]).join(''); }""",
            "".join(CONTROLS),
        )
    page.close()
    assert seen == {line: displayed(line) for line in lines}


def test_a_fixed_credit_line_the_checker_calls_off_the_screen_leaves_no_ink_on_a_narrow_or_wide_screen(browser: Any) -> None:
    from tests.test_hiding_moved_or_shrunk import FIXED_BOXES_OF_TEXT as cases

    line = 'This story was originally published by <a href="https://www.propublica.org/article/rural-bills">ProPublica</a>.'
    for width, height in ((320, 640), (1280, 800)):
        for style in (style for style, hidden in cases.items() if hidden):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_content(f'<!doctype html><html><body><article><h1>Headline</h1><p id=it style="{style}">{line}</p></article></body></html>')
            painted = page.screenshot()
            page.evaluate("() => { document.getElementById('it').style.visibility = 'hidden'; }")
            assert page.screenshot() == painted, (style, width)
            page.close()


def test_a_cover_over_the_top_of_the_article_covers_the_byline_where_the_checker_says(browser: Any) -> None:
    from tests.test_paint_order import TOP_COVERS as cases

    def covered(cover: str) -> bool:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_content(
            f"<!doctype html><html><head><style>article{{position:relative}} .cover{{position:absolute;background:#fff;{cover}}}</style></head>"
            '<body><article><div class="cover"></div><h1>Water mains</h1><p id=by>By Jake Smith</p></article></body></html>'
        )
        on_top = page.evaluate(
            "() => { const r = document.getElementById('by').getBoundingClientRect(); return document.elementFromPoint(r.left + 5, r.top + r.height / 2).id; }"
        )
        page.close()
        return on_top != "by"

    drawn = {cover: covered(cover) for cover in cases}
    # What the checker reads as painted over is covered; a cover whose width CSS drops covers
    # nothing. A cover of a fixed height covers the byline here, which the checker, not laying
    # the page out, leaves seen (and the translucent one is "covered" but shows it through).
    assert [cover for cover, painted in cases.items() if painted and not drawn[cover]] == []
    assert not drawn["top:0;left:0;width:100%%;height:200px"] and not drawn["top:0;left:0;width:100%%;height:100%"]
    assert drawn["top:0;left:0;width:100%;height:200px"]
