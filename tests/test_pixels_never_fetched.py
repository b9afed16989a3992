"""A tracking pixel that is on the page but that the browser never fetches is not kept: one the
page's own Content-Security-Policy `<meta>` forbids, a lazy one with no box, one whose `srcset`
or `<picture>` `<source>` the browser loads in its place, and a script pinned by an `integrity`
hash (not the publisher's tag). Each fails the publisher's pixel rule and says why; the pixel as
the publisher gives it, and what a policy allows, still pass."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.api import check_html
from compliance.findings import Report
from tests.conftest import ROOT

PP_SCRIPT = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
PP_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Rates rise</title>{head}</head><body><article>\n"
    "<h1>Rates rise</h1>\n<p>By Jane Roe, ProPublica</p>\n"
    '<p class="credit">This story was originally published by <a href="https://www.propublica.org/article/rates-rise">ProPublica</a>.</p>\n'
    "<p>Insurers raised rates for the third year in a row, state filings show.</p>\n{pixel}\n</article></body></html>"
)
N19_SRC = "https://19thnews.org/wp-json/the19th/v1/republish-pixel?post=48213"
N19_COMPLIANT = (ROOT / "tests" / "rule-fixtures" / "the-19th" / "compliant.html").read_text(encoding="utf-8")


def _outcome(report: Report, rule: str) -> tuple[str, str]:
    """The rule's outcome: ("ok", evidence) or (severity, why)."""
    for finding in report.findings:
        if finding.rule == rule:
            return finding.severity.name.lower(), finding.detail
    (passed,) = [p for p in report.passed if p.rule == rule]
    return "ok", passed.evidence


def _propublica(pixel: str = PP_SCRIPT, head: str = "") -> tuple[str, str]:
    return _outcome(check_html(PP_PAGE.format(pixel=pixel, head=head), packs=["propublica"]), "propublica/pixel")


def _csp(policy: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def _the_19th(pixel: str, head: str = "") -> tuple[str, str]:
    lines = N19_COMPLIANT.splitlines()
    (at,) = [i for i, line in enumerate(lines) if "19thnews.org" in line and "<img" in line]
    lines[at] = pixel
    page = "\n".join(lines).replace("<head>", "<head>" + head, 1)
    return _outcome(check_html(page, packs=["the-19th"]), "the-19th/pixel")


def test_the_fixture_has_the_pixel_this_file_replaces() -> None:
    assert _the_19th(f'<img src="{N19_SRC}" width="1" height="1" alt="">')[0] == "ok"


# -- the page's own Content-Security-Policy ---------------------------------------------------


@pytest.mark.parametrize(
    "policy",
    [
        "script-src 'self'",
        "script-src 'none'",
        "default-src 'none'",
        "default-src 'self'; img-src *",
        "script-src https://cdn.example.org",
        "script-src https://pixel.propublica.org/other/",
        "script-src https://pixel.propublica.org/pixel.js.map",
        "script-src https://pixel.propublica.org:8443",
        "script-src https://*.pixel.propublica.org",
        "script-src data: blob:",
        "script-src",
        # The elements' own directive comes first, and a nonce is needed under 'strict-dynamic'.
        "script-src-elem 'self'; script-src *",
        "script-src 'strict-dynamic' 'nonce-abc' https:",
    ],
)
def test_a_policy_that_forbids_the_pixel_script_fails_the_rule_and_says_so(policy: str) -> None:
    severity, why = _propublica(head=_csp(policy))
    assert severity == "error"
    assert "Content-Security-Policy" in why and "pixel.propublica.org" in why, why


@pytest.mark.parametrize(
    ("policy", "pixel"),
    [
        ("script-src https://pixel.propublica.org", PP_SCRIPT),
        ("script-src *.propublica.org", PP_SCRIPT),
        ("script-src pixel.propublica.org/pixel.js", PP_SCRIPT),
        ("script-src https://pixel.propublica.org/", PP_SCRIPT),
        ("script-src https:", PP_SCRIPT),
        ("script-src http:", PP_SCRIPT),
        ("script-src *", PP_SCRIPT),
        ("script-src 'none' https://pixel.propublica.org", PP_SCRIPT),
        ("default-src 'none'; script-src https://pixel.propublica.org", PP_SCRIPT),
        ("img-src 'none'; style-src 'none'", PP_SCRIPT),
        ("script-src 'nonce-abc'", '<script async nonce="abc" src="https://pixel.propublica.org/pixel.js"></script>'),
        ("SCRIPT-SRC HTTPS://PIXEL.PROPUBLICA.ORG", PP_SCRIPT),
    ],
)
def test_a_policy_that_allows_the_pixel_script_passes(policy: str, pixel: str) -> None:
    assert _propublica(pixel, head=_csp(policy))[0] == "ok"


def test_a_policy_meta_outside_the_head_is_not_enforced() -> None:
    # Browsers read a policy <meta> only in <head>: in the body it does nothing.
    assert _propublica(_csp("script-src 'none'") + PP_SCRIPT)[0] == "ok"


@pytest.mark.parametrize(
    "policy",
    ["img-src 'self'", "default-src 'none'; style-src 'unsafe-inline'", "img-src *.19thnews.org", "img-src data:", "img-src http://cdn.example.org"],
)
def test_a_policy_that_forbids_the_pixel_image_fails_the_rule(policy: str) -> None:
    severity, why = _the_19th(f'<img src="{N19_SRC}" width="1" height="1" alt="">', head=_csp(policy))
    assert severity == "error"
    assert "Content-Security-Policy" in why and "19thnews.org" in why, why


@pytest.mark.parametrize("policy", ["img-src https:", "img-src https://19thnews.org", "script-src 'none'", "img-src 'self' 19thnews.org"])
def test_a_policy_that_allows_the_pixel_image_passes(policy: str) -> None:
    assert _the_19th(f'<img src="{N19_SRC}" width="1" height="1" alt="">', head=_csp(policy))[0] == "ok"


# -- a lazy pixel with no box ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pixel", "head"),
    [
        (f'<img loading="lazy" src="{N19_SRC}" width="1" height="1" alt="" style="display:none">', ""),
        (f'<div hidden><img loading="lazy" src="{N19_SRC}" width="1" height="1" alt=""></div>', ""),
        (f'<img loading="LAZY" class="px" src="{N19_SRC}" width="1" height="1" alt="">', "<style>.px { display: none }</style>"),
        (
            f'<div class="wrap"><p><img loading="lazy" src="{N19_SRC}" width="1" height="1" alt=""></p></div>',
            "<style>.wrap { display: none !important }</style>",
        ),
    ],
)
def test_a_lazy_pixel_with_no_box_never_loads(pixel: str, head: str) -> None:
    severity, why = _the_19th(pixel, head=head)
    assert severity == "error"
    assert 'loading="lazy"' in why and "no box" in why, why


@pytest.mark.parametrize(
    ("pixel", "head"),
    [
        # Not lazy: a browser fetches an image with no box all the same.
        (f'<img src="{N19_SRC}" width="1" height="1" alt="" style="display:none">', ""),
        (f'<div hidden><img src="{N19_SRC}" width="1" height="1" alt=""></div>', ""),
        # Lazy but laid out: its box is on the page (only unseen), so it loads.
        (f'<img loading="lazy" src="{N19_SRC}" width="1" height="1" alt="" style="visibility:hidden">', ""),
        (f'<img loading="lazy" src="{N19_SRC}" width="1" height="1" alt="" style="opacity:0">', ""),
        (f'<div hidden class="shown"><img loading="lazy" src="{N19_SRC}" width="1" height="1" alt=""></div>', "<style>.shown { display: block }</style>"),
        (f'<img loading="eager" src="{N19_SRC}" width="1" height="1" alt="" style="display:none">', ""),
    ],
)
def test_a_pixel_that_is_fetched_passes(pixel: str, head: str) -> None:
    assert _the_19th(pixel, head=head)[0] == "ok"


# -- what the browser fetches in place of the src ---------------------------------------------


@pytest.mark.parametrize(
    "pixel",
    [
        f'<img srcset="/blank.gif 1x" src="{N19_SRC}" width="1" height="1" alt="">',
        f'<img srcset="/blank.gif 1w" sizes="1px" src="{N19_SRC}" width="1" height="1" alt="">',
        f'<picture><source srcset="/local.gif"><img src="{N19_SRC}" width="1" height="1" alt=""></picture>',
        # Only some readers' browsers fetch the pixel: the others are not counted.
        f'<img srcset="/blank-2x.gif 2x" src="{N19_SRC}" width="1" height="1" alt="">',
        f'<picture><source media="(min-width: 600px)" srcset="/wide.gif"><img src="{N19_SRC}" width="1" height="1" alt=""></picture>',
    ],
)
def test_a_pixel_whose_srcset_or_picture_loads_another_picture_fails(pixel: str) -> None:
    severity, why = _the_19th(pixel)
    assert severity == "error"
    assert "in place of its src" in why, why


@pytest.mark.parametrize(
    "pixel",
    [
        f'<img srcset="{N19_SRC} 1x" src="/blank.gif" width="1" height="1" alt="">',
        f'<picture><source srcset="{N19_SRC}"><img src="/blank.gif" width="1" height="1" alt=""></picture>',
        f'<img data-src="{N19_SRC}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" width="1" height="1" alt="">',
        f'<script async src="{N19_SRC}"></script>',
    ],
)
def test_a_pixel_the_browser_fetches_from_its_srcset_or_loader_passes(pixel: str) -> None:
    # The page's lazy-loader (lazysizes) fills in a `data-src`.
    assert _the_19th(pixel, head='<script src="/js/lazysizes.min.js" async></script>')[0] == "ok"


def test_a_lazy_pixel_on_a_page_that_runs_no_script_is_never_fetched() -> None:
    pixel = f'<img data-src="{N19_SRC}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" width="1" height="1" alt="">'
    severity, why = _the_19th(pixel)
    assert severity == "error" and "the page runs no script that could load it" in why, why


# -- a script pinned by an integrity hash -------------------------------------------------------


@pytest.mark.parametrize("hash_", ["sha384-" + "A" * 64, "sha256-" + "B" * 43])
def test_a_pixel_script_pinned_by_an_integrity_hash_is_not_the_publishers_tag(hash_: str) -> None:
    pixel = f'<script integrity="{hash_}" crossorigin="anonymous" async src="https://pixel.propublica.org/pixel.js"></script>'
    assert _propublica(pixel)[0] == "error"
    script = f'<script integrity="{hash_}" crossorigin="anonymous" async src="{N19_SRC}"></script>'
    assert _the_19th(script)[0] == "error"


def test_the_reported_pages_fail(cli: Any, tmp_path: Any) -> None:
    pages = {
        "integrity.html": PP_PAGE.format(
            head="", pixel='<script integrity="sha384-' + "A" * 64 + '" crossorigin="anonymous" async src="https://pixel.propublica.org/pixel.js"></script>'
        ),
        "csp.html": PP_PAGE.format(head=_csp("script-src 'self'"), pixel=PP_SCRIPT),
        "csp-none.html": PP_PAGE.format(head=_csp("default-src 'none'"), pixel=PP_SCRIPT),
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    run = cli("check", "--pack", "propublica", "--select", "propublica/pixel", "--format", "concise", *(str(tmp_path / n) for n in pages))
    assert run.code == 1
    assert run.out.count("error propublica/pixel") == 3, run.out


def test_a_markdown_copy_keeps_its_pixel_script() -> None:
    # A Markdown article's raw HTML scripts are read with their `src`: `script:not([integrity])` selects them.
    from compliance.api import check_markdown

    story = (
        "# Rates rise\n\nBy Jane Roe, ProPublica\n\nThis story was originally published by "
        "[ProPublica](https://www.propublica.org/article/rates-rise).\n\nInsurers raised rates again.\n\n{pixel}\n"
    )
    kept = check_markdown(story.format(pixel=PP_SCRIPT), packs=["propublica"])
    assert _outcome(kept, "propublica/pixel")[0] == "ok"
    gone = check_markdown(story.format(pixel="The pixel was here."), packs=["propublica"])
    assert _outcome(gone, "propublica/pixel")[0] == "error"


N19_PIXEL = "https://19thnews.org/?republication-pixel=true&post=48213"


@pytest.mark.parametrize(
    ("pack", "head", "pixel"),
    [
        ("propublica", "<meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\">", PP_SCRIPT),
        ("propublica", "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">", PP_SCRIPT),
        ("propublica", "", '<script type="text/plain" src="https://pixel.propublica.org/pixel.js"></script>'),
        ("the-19th", "", f'<div hidden><img loading="lazy" src="{N19_PIXEL}" alt=""></div>'),
        ("the-19th", "<meta http-equiv='Content-Security-Policy' content=\"img-src 'self'\">", f'<img src="{N19_PIXEL}" alt="">'),
    ],
    ids=["csp-self", "csp-none", "disabled", "lazy-no-box", "csp-img"],
)
def test_a_copy_whose_only_sign_of_the_publisher_is_its_pixel_kept_from_loading_applies_the_pack(pack: str, head: str, pixel: str) -> None:
    # Stripped of its byline and credit line, the copy still carries the publisher's pixel, kept
    # from loading: the pack applies on it (as on a credit line the page hides), and its pixel rule
    # fails, rather than the page passing with no pack.
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Rates rise</title>{head}</head><body><article>\n"
        "<h1>Rates rise</h1>\n<p>Insurers raised rates for the third year in a row, state filings show.</p>\n"
        f"<p>Regulators approved the increases in March.</p>\n{pixel}\n</article></body></html>"
    )
    report = check_html(page)
    assert report.packs == (pack,)
    (detection,) = [d for d in report.detections if d.pack == pack]
    assert detection.hidden and detection.applied
    assert f"{pack}/pixel" in [f.rule for f in report.findings if f.severity.name == "ERROR"]
