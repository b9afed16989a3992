"""DCNF's logo by its file: one on DCNF's host whose name says logo, or a copy of DCNF's logo file
anywhere; the Daily Caller's own logo file (the for-profit outlet's, `dc-logo.png`), even on
DCNF's host, is not DCNF's logo."""

from __future__ import annotations

import pytest

from compliance.api import check_html

HOST = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01"
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)


def _page(image: str) -> str:
    """A DCNF republication whose only logo is `image`, above a byline with the DCNF affiliation."""
    return (
        "<!doctype html><html><head><title>t</title></head><body><article>"
        "<h1>Biden Admin Finalizes Water Heater Rule</h1>"
        f'{image}\n<p class="byline">By Nick Pope, Daily Caller News Foundation</p>'
        "<p>The Department of Energy finalized a rule Tuesday that tightens efficiency standards for residential water heaters.</p>"
        "<p>The department estimates the standards will save households roughly $7 billion a year on utility bills.</p>"
        f"<p>{LICENSE}</p></article></body></html>"
    )


def _logo_passes(image: str) -> bool:
    report = check_html(_page(image), packs=["dcnf"])
    if any(finding.rule == "dcnf/logo" for finding in report.findings):
        return False
    assert "dcnf/logo" in {passed.rule for passed in report.passed}
    return True


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="{HOST}/dc-logo.png" alt="The Daily Caller logo" width="300" height="80">',
        f'<img src="{HOST}/dc-logo.png" width="300" height="80">',
        f'<img src="{HOST}/daily-caller-logo.png" width="300" height="80">',
        f'<img src="{HOST}/DailyCaller_Logo.svg" width="300" height="80">',
        f'<img src="{HOST}/the-daily-caller-logo-2x.png?ver=2" width="300" height="80">',
        # DCNF's alt text on The Daily Caller's own file names the picture wrongly; it does not make it DCNF's.
        f'<img src="{HOST}/dc-logo.png" alt="Daily Caller News Foundation logo" width="300" height="80">',
    ],
)
def test_the_daily_callers_logo_file_is_not_dcnfs(image: str) -> None:
    assert _logo_passes(image) is False


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="{HOST}/dcnf-logo.png" width="300" height="80">',
        f'<img src="{HOST}/daily-caller-news-foundation-logo.png" width="300" height="80">',
        f'<img src="{HOST}/logo.png" width="300" height="80">',
        '<img src="https://cdn.example.com/media/dcnf-logo.png" width="300" height="80">',
    ],
)
def test_dcnfs_logo_file_still_counts(image: str) -> None:
    assert _logo_passes(image) is True
