"""A publisher's counter or pixel that a cookie-consent manager holds back is on the page but does
not load before the reader consents: still the rule's error, with a message that says so and a fix
that exempts it from the consent manager (never one that pastes it again, nor a `fix` that adds a
second copy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.findings import Finding, Report

STORY = (
    "<p>On a hot afternoon, the difference between a street lined with mature oaks and one with bare pavement can be"
    " more than 10 degrees Fahrenheit at ground level, researchers found.</p>"
)
CONVERSATION_BODY = (
    "<h1>Why urban trees cool some neighborhoods more than others</h1>"
    '<p class="byline">Ines Marlowe, <em>University of Lakeshore</em></p>'
    + STORY
    + '<p>This article is republished from <a href="https://theconversation.com">'
    'The Conversation</a> under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. '
    'Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
)
COUNTER = "https://counter.theconversation.com/content/231845/count.gif?distributor=republish-lightbox-basic"
PROPUBLICA_BODY = (
    "<h1>County Jails Let Sick Inmates Wait Days for a Doctor</h1>"
    '<p class="byline">By Mara Ellison, ProPublica</p>'
    '<p><em>This story was originally published by <a href="https://www.propublica.org/article/county-jails">ProPublica</a>.</em></p>' + STORY
)
PIXEL = "https://pixel.propublica.org/pixel.js"
# Cloudflare's Rocket Loader: each script's type rewritten to the page's token and the type, and its
# own script, which names the token, running them once the page has loaded.
ROCKET_TOKEN = "4a9f2c1e8b7d6a5f4e3d2c1b"


def _page(body: str, tag: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body><article>{body}\n{tag}\n</article></body></html>"


def _finding(report: Report, rule: str) -> Finding:
    (finding,) = [f for f in report.findings if f.rule == rule]
    return finding


HELD_COUNTERS = [
    (f'<img data-cookieconsent="statistics" data-cookieblock-src="{COUNTER}" alt="The Conversation" width="1" height="1">', "Cookiebot"),
    (f'<img data-cookieblock-src="{COUNTER}" alt="The Conversation" width="1" height="1">', "Cookiebot"),
    (f'<img class="cmplz-image" data-src-cmplz="{COUNTER}" alt="The Conversation" width="1" height="1">', "Complianz"),
    (f'<img class="_iub_cs_activate" data-suppressedsrc="{COUNTER}" alt="The Conversation" width="1" height="1">', "iubenda"),
]
HELD_PIXELS = [
    (f'<script type="text/plain" data-cookieconsent="statistics" async src="{PIXEL}"></script>', "Cookiebot"),
    (f'<script type="text/plain" class="optanon-category-C0002" src="{PIXEL}"></script>', "OneTrust"),
    (f'<script type="text/plain" data-usercentrics="ProPublica" src="{PIXEL}"></script>', "Usercentrics"),
    (f'<script type="text/plain" data-cookieyes="cookieyes-analytics" src="{PIXEL}"></script>', "CookieYes"),
    (f'<script type="text/plain" data-category="analytics" data-src="{PIXEL}"></script>', "cookieconsent"),
    (f'<script type="text/plain" data-type="application/javascript" data-name="propublica" data-src="{PIXEL}"></script>', "Klaro"),
    (f'<script type="text/plain" class="_iub_cs_activate" data-suppressedsrc="{PIXEL}"></script>', "iubenda"),
]


@pytest.mark.parametrize(("tag", "manager"), HELD_COUNTERS)
def test_a_counter_held_back_by_a_consent_manager_is_reported_as_held_back(tag: str, manager: str) -> None:
    finding = _finding(check_html(_page(CONVERSATION_BODY, tag), packs=["the-conversation"]), "the-conversation/counter")
    assert finding.message.startswith("The counter pixel of The Conversation at line 2 is held back by a cookie-consent manager")
    assert f"({manager}: " in finding.message and "missing" not in finding.message
    assert "exempt it from the cookie-consent manager" in finding.help and "Paste" not in finding.help
    assert finding.location.line == 2 and finding.fix is None and finding.held_back


@pytest.mark.parametrize(("tag", "manager"), HELD_PIXELS)
def test_a_pixel_held_back_by_a_consent_manager_is_reported_as_held_back(tag: str, manager: str) -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith("The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 2 is held back")
    assert f"({manager}: " in finding.message
    assert "exempt it from the cookie-consent manager" in finding.help


def test_a_page_without_the_pixel_has_it_missing() -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, ""), packs=["propublica"]), "propublica/pixel")
    assert finding.message == "ProPublica's tracking script (pixel.propublica.org/pixel.js) is missing from the page."
    assert finding.help.startswith("Paste the story") and not finding.held_back


@pytest.mark.parametrize(
    "tag",
    [
        f'<script type="text/plain" src="{PIXEL}"></script>',  # no consent manager's marker: a script that never runs
        f'<script type="text/plain" data-cookieconsent="ignore" src="{PIXEL}"></script>',  # exempted, yet never runs
        # A token before a type that is no script's: data, as without the token, never a delayed script.
        f'<script type="{ROCKET_TOKEN}-text/plain" src="{PIXEL}"></script>',
    ],
)
def test_a_pixel_that_no_consent_manager_holds_but_never_runs_is_named_so(tag: str) -> None:
    # On the page, so not missing: its type is what stops it, and pasting it again would not help.
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith("The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 2 is on the page but has type=")
    assert "which browsers do not run" in finding.message and "cookie" not in finding.message
    assert not finding.help.startswith("Paste") and finding.held_back == "loader"


@pytest.mark.parametrize(
    ("body", "tag", "rule"),
    [
        (PROPUBLICA_BODY, f'<script data-cookieconsent="ignore" async src="{PIXEL}"></script>', "propublica/pixel"),
        (
            PROPUBLICA_BODY,
            f'<script async src="{PIXEL}"></script><script type="text/plain" data-cookieconsent="marketing" src="{PIXEL}"></script>',
            "propublica/pixel",
        ),
        (CONVERSATION_BODY, f'<img data-cookieconsent="statistics" src="{COUNTER}" alt="The Conversation" width="1" height="1">', "the-conversation/counter"),
        # A lazy counter the page's lazy-loader fills in.
        (
            CONVERSATION_BODY,
            f'<img data-src="{COUNTER}" loading="lazy" alt="The Conversation" width="1" height="1"><script src="/js/lazysizes.min.js" async></script>',
            "the-conversation/counter",
        ),
    ],
)
def test_a_tag_that_loads_still_passes(body: str, tag: str, rule: str) -> None:
    report = check_html(_page(body, tag), packs=[rule.split("/")[0]])
    assert rule in {p.rule for p in report.passed}


def test_fix_does_not_paste_a_second_copy_of_a_held_back_counter(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(_page(CONVERSATION_BODY, HELD_COUNTERS[0][0]), encoding="utf-8")
    before = page.read_bytes()
    run = cli("fix", "--write", str(page))
    assert page.read_bytes() == before
    assert "the-conversation/counter: it is on the page, held back by a cookie-consent manager" in run.err + run.out


def test_the_readme_example_is_what_the_checker_reports() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("A tag that a cookie-consent manager holds back", 1)[1]
    tag = section.split("```html consent-held\n", 1)[1].split("\n```", 1)[0]
    shown = section.split("```text consent-held\n", 1)[1].split("\n```", 1)[0]
    # The tag on line 9 of a page, as in the example.
    page = "<!doctype html>\n<html>\n<head><title>t</title></head>\n<body>\n<article>\n" + CONVERSATION_BODY + "\n\n\n" + tag + "\n</article></body></html>"
    finding = _finding(check_html(page, packs=["the-conversation"]), "the-conversation/counter")
    severity, rule, message = shown.split(maxsplit=2)
    assert (severity, rule, message) == (finding.severity.label, finding.rule, finding.message)


# WP Rocket's runtime for the scripts it delays, as it writes it inline into the page (minified,
# or wrapped in a function in later versions), or loaded from its file.
WP_ROCKET_RUNTIMES = [
    '<script>class RocketLazyLoadScripts{constructor(){this.v="1.2.5.1",this.triggerEvents=["keydown","mousedown"]}}RocketLazyLoadScripts.run();</script>',
    '<script>(() => {\n  class RocketLazyLoadScripts {\n    constructor() { this.v = "1.2.6" }\n  }\n  RocketLazyLoadScripts.run();\n})();</script>',
    '<script src="/wp-content/plugins/wp-rocket/assets/js/lazyload-scripts.min.js"></script>',
]
WP_ROCKET_RUNTIME = WP_ROCKET_RUNTIMES[0]
# Page-speed plugins' "Delay JavaScript execution": the script is on the page, and runs only once
# the reader interacts with it (WP Rocket's, with its runtime on the page).
DELAYED_PIXELS = [
    (f'{WP_ROCKET_RUNTIME}<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}" async></script>', "WP Rocket"),
    (f'{WP_ROCKET_RUNTIME}<script type="rocketlazyloadscript" src="{PIXEL}"></script>', "WP Rocket"),  # older WP Rocket kept src
    (f'<script type="pmdelayedscript" data-perfmatters-type="text/javascript" data-pmdelayedscript="{PIXEL}"></script>', "Perfmatters"),
    (f'<script type="litespeed/javascript" data-src="{PIXEL}"></script>', "LiteSpeed Cache"),
    (f'<script type="lazy" data-src="{PIXEL}"></script>', "Flying Scripts"),
    (f'<script TYPE=" RocketLazyLoadScript " data-rocket-src="{PIXEL}"></script>{WP_ROCKET_RUNTIMES[2]}', "WP Rocket"),
]


@pytest.mark.parametrize(("tag", "plugin"), DELAYED_PIXELS)
def test_a_pixel_delayed_by_a_page_speed_plugin_is_reported_where_it_is(tag: str, plugin: str) -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith(f"The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 2 is delayed by a page-speed plugin ({plugin}: ")
    assert finding.message.endswith(
        ": it runs only once the reader moves the mouse, scrolls, touches the screen or presses a key, so readers who only read are not counted."
    )
    assert "exclude it from the plugin's delay of JavaScript" in finding.help and "cookie" not in finding.help
    assert (finding.location.line, finding.fix, finding.held_back) == (2, None, "interaction")


@pytest.mark.parametrize(
    "tag",
    [
        # Another address delayed, or a type no such plugin writes: the pixel is missing.
        '<script type="rocketlazyloadscript" data-rocket-src="https://example.org/analytics.js"></script>',
        '<script type="text/x-delayed" data-src="https://example.org/pixel.js"></script>',
    ],
)
def test_a_delayed_script_that_is_not_the_pixel_leaves_it_missing(tag: str) -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tag), packs=["propublica"]), "propublica/pixel")
    assert finding.message == "ProPublica's tracking script (pixel.propublica.org/pixel.js) is missing from the page."
    assert not finding.held_back


def test_fix_does_not_paste_a_second_copy_of_a_delayed_pixel(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(_page(PROPUBLICA_BODY, DELAYED_PIXELS[0][0]), encoding="utf-8")
    before = page.read_bytes()
    run = cli("fix", "--write", "--pack", "propublica", str(page))
    assert page.read_bytes() == before
    assert "propublica/pixel: it is on the page, delayed by a page-speed plugin; exclude it from the delay of scripts by hand" in run.err + run.out


def test_the_readme_example_of_a_delayed_script_is_what_the_checker_reports() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    tag = readme.split("```html delayed-script\n", 1)[1].split("\n```", 1)[0]
    shown = readme.split("```text delayed-script\n", 1)[1].split("\n```", 1)[0]
    page = "<!doctype html>\n<html>\n<head><title>t</title></head>\n<body>\n<article>\n" + PROPUBLICA_BODY + "\n\n\n" + tag + "\n</article></body></html>"
    finding = _finding(check_html(page, packs=["propublica"]), "propublica/pixel")
    severity, rule, message = shown.split(maxsplit=2)
    assert (severity, rule, message) == (finding.severity.label, finding.rule, finding.message)


ROCKET_LOADER = f'<script src="/cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js" data-cf-settings="{ROCKET_TOKEN}-|49" defer></script>'


@pytest.mark.parametrize(
    "tags",
    [
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}" async></script>{ROCKET_LOADER}',
        # The loader before the scripts it runs, and a type written in capitals.
        f'{ROCKET_LOADER}<script type="{ROCKET_TOKEN.upper()}-Text/JavaScript" src="{PIXEL}"></script>',
    ],
)
def test_a_pixel_rocket_loader_runs_is_on_the_page(tags: str) -> None:
    report = check_html(_page(PROPUBLICA_BODY, tags), packs=["propublica"])
    assert "propublica/pixel" in {p.rule for p in report.passed}


@pytest.mark.parametrize(
    "tags",
    [
        # No Rocket Loader on the page (a saved copy without it): nothing runs the rewritten script.
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script>',
        # The loader of another token, and a loader-like script that is not Rocket Loader.
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script>{ROCKET_LOADER.replace(ROCKET_TOKEN, "ffff" + ROCKET_TOKEN[4:])}',
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script><script src="/js/app.js" data-cf-settings="{ROCKET_TOKEN}-|49"></script>',
        # A loader that never runs: in <noscript> or a <template>, or of a type browsers do not run.
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script><noscript>{ROCKET_LOADER}</noscript>',
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script><template>{ROCKET_LOADER}</template>',
        f'<script type="{ROCKET_TOKEN}-text/javascript" src="{PIXEL}"></script>{ROCKET_LOADER.replace("<script ", "<script type=text/plain ")}',
    ],
)
def test_a_pixel_no_rocket_loader_runs_is_reported_as_never_run(tags: str) -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tags), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith(
        f'The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 2 is delayed by Rocket Loader (type="{ROCKET_TOKEN}-text/javascript")'
        " and the page has no Rocket Loader script that would run it: no reader's browser runs it"
    )
    assert (finding.location.line, finding.fix, finding.held_back) == (2, None, "never")
    assert "nothing runs it" in finding.help and "cookie" not in finding.help


@pytest.mark.parametrize(
    "tags",
    [
        # A saved page without WP Rocket's runtime: nothing runs the delayed script.
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}" async></script>',
        f'<script type="rocketlazyloadscript" src="{PIXEL}" defer></script>',
        # A runtime that never runs: in <noscript> or a <template>, or of a type browsers do not run.
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script><noscript>{WP_ROCKET_RUNTIME}</noscript>',
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script><template>{WP_ROCKET_RUNTIME}</template>',
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script>{WP_ROCKET_RUNTIME.replace("<script>", "<script type=text/plain>")}',
        # A script that only calls the runtime, which is not there.
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script><script>window.RocketLazyLoadScripts?.run();</script>',
    ],
)
def test_a_pixel_wp_rocket_delays_on_a_page_without_its_runtime_is_never_run(tags: str) -> None:
    finding = _finding(check_html(_page(PROPUBLICA_BODY, tags), packs=["propublica"]), "propublica/pixel")
    assert finding.message.startswith(
        'The ProPublica tracking script (pixel.propublica.org/pixel.js) at line 2 is delayed by WP Rocket (type="rocketlazyloadscript")'
        " and the page has no WP Rocket script that would run it: no reader's browser runs it"
    )
    assert finding.held_back == "never"


@pytest.mark.parametrize("runtime", WP_ROCKET_RUNTIMES)
def test_a_pixel_wp_rocket_delays_with_its_runtime_on_the_page_waits_for_the_reader(runtime: str) -> None:
    finding = _finding(
        check_html(_page(PROPUBLICA_BODY, f'{runtime}<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script>'), packs=["propublica"]),
        "propublica/pixel",
    )
    assert finding.held_back == "interaction"
    assert "is delayed by a page-speed plugin (WP Rocket: " in finding.message


@pytest.mark.parametrize(
    "tag",
    [
        # A CMS's article body, whose page template brings WP Rocket's runtime.
        f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script>',
        # Another plugin's delay, whose runtime is not read: it waits for the reader.
        f'<script type="pmdelayedscript" data-pmdelayedscript="{PIXEL}"></script>',
    ],
)
def test_a_delayed_pixel_whose_runtime_is_not_judged_waits_for_the_reader(tag: str) -> None:
    html = _page(PROPUBLICA_BODY, tag) if "pmdelayed" in tag else f"<article>{PROPUBLICA_BODY}\n{tag}\n</article>"
    assert _finding(check_html(html, packs=["propublica"]), "propublica/pixel").held_back == "interaction"


def test_fix_does_not_paste_a_second_copy_of_a_pixel_nothing_runs(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(_page(PROPUBLICA_BODY, f'<script type="rocketlazyloadscript" data-rocket-src="{PIXEL}"></script>'), encoding="utf-8")
    before = page.read_bytes()
    run = cli("fix", "--write", "--pack", "propublica", str(page))
    assert page.read_bytes() == before
    assert "propublica/pixel: it is on the page, delayed by WP Rocket or Rocket Loader with nothing on the page to run it" in run.err + run.out


def test_the_readme_example_of_a_pixel_nothing_runs_is_what_the_checker_reports() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    tags = readme.split("```html rocket-loader\n", 1)[1].split("\n```", 1)[0]
    shown = readme.split("```text never-run\n", 1)[1].split("\n```", 1)[0]
    # The rewritten pixel alone (its Rocket Loader script left out) on line 9 of a page.
    page = (
        "<!doctype html>\n<html>\n<head><title>t</title></head>\n<body>\n<article>\n"
        + PROPUBLICA_BODY
        + "\n\n\n"
        + tags.split("\n")[0]
        + "\n</article></body></html>"
    )
    finding = _finding(check_html(page, packs=["propublica"]), "propublica/pixel")
    severity, rule, message = shown.split(maxsplit=2)
    assert (severity, rule, message) == (finding.severity.label, finding.rule, finding.message)


def test_the_readme_example_of_rocket_loader_passes() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    tags = readme.split("```html rocket-loader\n", 1)[1].split("\n```", 1)[0]
    report = check_html(_page(PROPUBLICA_BODY, tags), packs=["propublica"])
    assert "propublica/pixel" in {p.rule for p in report.passed}
    assert "propublica/pixel" in {f.rule for f in check_html(_page(PROPUBLICA_BODY, tags.split("\n")[0]), packs=["propublica"]).findings}
