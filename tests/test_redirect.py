"""A republished page whose `<meta http-equiv="refresh">` sends readers to another page before they
could read the story gets a warning: readers see that page, not this one's credits. A refresh that
only reloads the page, or that comes after the story's reading time, does not."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.refresh import parse_refresh, redirecting_refresh
from tests.conftest import write

LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)
LOGO = '<p><img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60"></p>'
# Ten words a paragraph: 238 of them are a minute's reading.
PARAGRAPH = "<p>The Senate delayed a vote on the spending bill Tuesday afternoon.</p>"


def _page(head: str, *, paragraphs: int = 5, body_extra: str = "") -> str:
    story = "\n".join([PARAGRAPH] * paragraphs)
    return (
        f"<html><head><title>Senate vote delayed</title>{head}</head><body>{body_extra}<article><h1>Senate vote delayed</h1>\n"
        f"{LOGO}\n<p>By Jake Smith, Daily Caller News Foundation</p>\n{story}\n{LICENSE}\n</article></body></html>\n"
    )


def _redirects(cli: Any, tmp_path: Path, html: str) -> list[dict[str, Any]]:
    path = write(tmp_path, "story.html", html)
    run = cli("check", "-f", "json", str(path))
    entry: dict[str, Any] = run.json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    return [f for f in entry["findings"] if f["rule"] == "syndcheck/redirect"]


@pytest.mark.parametrize(
    ("content", "url"),
    [
        ("0;url=https://elsewhere.example/", "https://elsewhere.example/"),
        ("0; URL='https://elsewhere.example/a b'", "https://elsewhere.example/a b"),
        ('3, url = "https://elsewhere.example/x"', "https://elsewhere.example/x"),
        ("1.5 https://elsewhere.example/y", "https://elsewhere.example/y"),
        ("0;url=/other-story/", "/other-story/"),
    ],
)
def test_a_refresh_to_another_page_before_the_story_is_read_is_a_warning_at_the_meta(cli: Any, tmp_path: Path, content: str, url: str) -> None:
    html = _page(f'\n<meta http-equiv="Refresh" content="{escape(content)}">')
    (warning,) = _redirects(cli, tmp_path, html)
    assert warning["severity"] == "warning"
    assert warning["line"] == 2
    assert f'sends its readers to "{url}"' in warning["message"]
    assert "not this one and its credits" in warning["message"]


def test_the_message_says_when_readers_are_sent_away_and_the_story_s_reading_time(cli: Any, tmp_path: Path) -> None:
    # About 60 + 20 words: 20 seconds of reading; a refresh after 10 seconds comes before the end.
    (warning,) = _redirects(cli, tmp_path, _page('<meta http-equiv="refresh" content="10;url=https://elsewhere.example/">', paragraphs=5))
    assert "after 10 seconds" in warning["message"]
    assert "about 1 minute at 238 words a minute" in warning["message"]


def test_a_refresh_after_the_story_s_reading_time_is_not_reported(cli: Any, tmp_path: Path) -> None:
    # Some sites move readers on to their front page after half an hour.
    assert _redirects(cli, tmp_path, _page('<meta http-equiv="refresh" content="1800;url=https://elsewhere.example/">')) == []


@pytest.mark.parametrize(
    "head",
    [
        '<meta http-equiv="refresh" content="300">',  # a news site's reload every five minutes
        '<meta http-equiv="refresh" content="0;url=#top">',
        '<link rel="canonical" href="https://www.newsite.example/senate/"><meta http-equiv="refresh" content="0;url=https://www.newsite.example/senate">',
        '<meta property="og:url" content="https://www.newsite.example/senate/"><meta http-equiv="refresh" content="0;url=http://www.newsite.example/senate/?utm_source=x">',
        '<meta http-equiv="refresh" content="soon;url=https://elsewhere.example/">',  # browsers ignore it
        '<meta name="refresh" content="0;url=https://elsewhere.example/">',  # not http-equiv
        '<noscript><meta http-equiv="refresh" content="0;url=https://elsewhere.example/"></noscript>',
    ],
)
def test_a_reload_a_refresh_browsers_ignore_or_one_for_readers_without_scripts_is_not_reported(cli: Any, tmp_path: Path, head: str) -> None:
    assert _redirects(cli, tmp_path, _page(head)) == []


def test_a_refresh_in_the_body_counts_and_one_in_a_template_does_not(cli: Any, tmp_path: Path) -> None:
    refresh = '<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">'
    assert len(_redirects(cli, tmp_path, _page("", body_extra=refresh))) == 1
    assert _redirects(cli, tmp_path, _page("", body_extra=f"<template>{refresh}</template>")) == []


def test_only_the_first_refresh_browsers_read_counts() -> None:
    html = _page(
        '<meta http-equiv="refresh" content="x"><meta http-equiv="refresh" content="0;url=https://a.example/"><meta http-equiv="refresh" content="0;url=https://b.example/">'
    )
    refresh = redirecting_refresh(parse_document(html, "html"))
    assert refresh is not None and refresh.url == "https://a.example/"


def test_a_relative_address_resolves_against_the_page_s_base() -> None:
    html = _page('<base href="https://newsite.example/news/"><meta http-equiv="refresh" content="0;url=other.html">')
    refresh = redirecting_refresh(parse_document(html, "html"))
    assert refresh is not None and (refresh.address, refresh.url) == ("other.html", "https://newsite.example/news/other.html")


@pytest.mark.parametrize(
    ("content", "read"),
    [
        ("5", (5, "")),
        ("  7 ; url=a.html", (7, "a.html")),
        (".5;url=a.html", (0, "a.html")),
        ("2.9,URL= 'b.html' trailing", (2, "b.html")),
        ("0 c.html", (0, "c.html")),
        ("0;urlc.html", (0, "c.html")),  # the steps skip "url" with no "=" after it
        ("", None),
        ("x;url=a.html", None),
        ("5x;url=a.html", None),
    ],
)
def test_the_content_is_read_by_html_s_declarative_refresh_steps(content: str, read: tuple[int, str] | None) -> None:
    assert parse_refresh(content) == read


def test_a_page_no_pack_applies_to_gets_no_redirect_warning(cli: Any, tmp_path: Path) -> None:
    html = '<html><head><meta http-equiv="refresh" content="0;url=https://elsewhere.example/"></head><body><p>A story.</p></body></html>'
    path = write(tmp_path, "plain.html", html)
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    assert entry["packs"] == [] and entry["findings"] == []


def test_the_readme_example_is_what_the_tool_prints(cli: Any, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = next(line.strip() for line in readme.splitlines() if "warning syndcheck/redirect" in line)
    path = write(tmp_path, "story.html", _page('\n<meta http-equiv="refresh" content="0; url=https://elsewhere.example/story">'))
    printed = cli("check", str(path)).out
    assert shown in [line.strip() for line in printed.splitlines()]
