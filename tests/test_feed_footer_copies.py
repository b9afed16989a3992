"""A story imported from a publisher's WordPress feed carries the feed's footer ("The post TITLE
appeared first on CalMatters.", Yoast SEO's default): the copy is detected as the publisher's,
as States Newsroom copies were, for CalMatters, KFF Health News and The Texas Tribune alike. A
footer naming another site, prose that mentions a post, and the publisher's own page apply no pack."""

from __future__ import annotations

import pytest

from compliance.api import check_html

STORY = (
    "<p>Lawmakers gave final approval Thursday to a bill that caps insulin copays at $35 a month for people on state-regulated plans.</p>"
    "<p>The measure passed the Senate 28-6 and now heads to the governor, who has said she will sign it.</p>"
)


def _page(footer: str, *, site_name: str = "Valley Ledger", url: str = "https://valleyledger.example/2025/03/06/insulin/") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Insulin copays capped</title>'
        f'<meta property="og:site_name" content="{site_name}"><meta property="og:url" content="{url}"></head>'
        f'<body><main><article><h1>Lawmakers cap insulin copays</h1><p class="byline">By Elsa Thibodeau</p>{STORY}{footer}</article></main></body></html>'
    )


def _footer(title: str, story: str | None, site: str, home: str | None) -> str:
    titled = f'<a href="{story}">{title}</a>' if story else title
    named = f'<a href="{home}">{site}</a>' if home else site
    return f"<p>The post {titled} appeared first on {named}.</p>"


@pytest.mark.parametrize(
    ("footer", "pack"),
    [
        (
            _footer("Lawmakers cap insulin copays", "https://calmatters.org/health/2025/03/insulin-copays/", "CalMatters", "https://calmatters.org"),
            "calmatters",
        ),
        # The title unlinked, and with punctuation of its own.
        (_footer("Who pays for insulin? California’s answer, explained", None, "CalMatters", None), "calmatters"),
        (
            _footer("Lawmakers cap insulin copays", "https://kffhealthnews.org/news/article/insulin-copays/", "KFF Health News", "https://kffhealthnews.org"),
            "kff-health-news",
        ),
        (_footer("Insulin copays capped", "https://khn.org/news/insulin-copays/", "Kaiser Health News", "https://khn.org"), "kff-health-news"),
        (
            _footer(
                "Texas caps insulin copays",
                "https://www.texastribune.org/2025/03/06/texas-insulin-copays/",
                "The Texas Tribune",
                "https://www.texastribune.org",
            ),
            "texas-tribune",
        ),
        (_footer("Texas caps insulin copays", None, "Texas Tribune", None), "texas-tribune"),
        # The footer States Newsroom copies were already known by.
        (
            _footer("Lawmakers cap insulin copays", "https://georgiarecorder.com/2025/03/06/insulin/", "Georgia Recorder", "https://georgiarecorder.com"),
            "states-newsroom",
        ),
    ],
)
def test_a_feeds_footer_naming_the_publisher_identifies_the_copy(footer: str, pack: str) -> None:
    assert check_html(_page(footer)).packs == (pack,)


@pytest.mark.parametrize(
    "footer",
    [
        # Another site's feed.
        _footer("Lawmakers cap insulin copays", "https://valleynotes.example/p/1", "Valley Notes", "https://valleynotes.example"),
        # Prose that goes on after the publisher's name.
        "<p>The post about the bill appeared first on CalMatters before lawmakers met to debate the measure in committee.</p>",
        "<p>The post announcing the study appeared first on KFF Health News, then on the pages of clinics across the state for weeks.</p>",
        # The words in a sentence of the story, not a block's start.
        "<p>Readers noticed that the post appeared first on The Texas Tribune.</p>",
    ],
)
def test_a_footer_naming_another_site_or_prose_about_a_post_applies_no_pack(footer: str) -> None:
    assert check_html(_page(footer)).packs == ()


@pytest.mark.parametrize(
    ("site", "site_name", "url"),
    [
        ("CalMatters", "CalMatters", "https://calmatters.org/health/2025/03/insulin-copays/"),
        ("KFF Health News", "KFF Health News", "https://kffhealthnews.org/news/article/insulin-copays/"),
        ("The Texas Tribune", "The Texas Tribune", "https://www.texastribune.org/2025/03/06/texas-insulin-copays/"),
    ],
)
def test_the_publishers_own_page_is_an_original_whatever_footer_it_shows(site: str, site_name: str, url: str) -> None:
    footer = _footer("Lawmakers cap insulin copays", url, site, None)
    assert check_html(_page(footer, site_name=site_name, url=url)).packs == ()
    # The same footer on a republisher's page marks the copy.
    assert check_html(_page(footer)).packs != ()
