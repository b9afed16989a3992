"""The editor's page and the HTML report in a real headless Chromium (Debian's `chromium`,
driven by Playwright): findings marked at the right element, the snippet shown, and a hostile
article that can neither run, load, post nor restyle anything.

Skipped, with the reason, when Playwright or the browser is missing; `.ci/run` installs
`chromium` when it runs as root, and in CI (or with SYNDCHECK_REQUIRE_BROWSER=1) a missing browser
fails these tests instead of skipping them. The screenshot of the page is kept under build/test-artifacts/
(and written to docs/images/ for the README when SYNDCHECK_UPDATE_SCREENSHOT=1).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.test_html_report import HOSTILE

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
    # Missing things are marked where they belong: at the start of the story, before its <article>.
    assert marks.first.evaluate("m => m.nextElementSibling && m.nextElementSibling.tagName") == "ARTICLE"
    snippet = page.locator("pre.snippet").first.inner_text()
    assert 'alt="Daily Caller News Foundation logo"' in snippet and "By Jake Smith, Daily Caller News Foundation" in snippet
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
