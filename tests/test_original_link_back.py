"""The link back goes to the original story, not to the address as it was typed: an address copied
from a newsletter (`?utm_source=…`), with a fragment, over http, with a trailing slash, or an AMP
page's, names the story whose own canonical URL (or og:url) the copy links to. Tracking parameters
are ignored on both sides; any other query still tells two pages apart.

ProPublica's link back is one rule, creative-commons/source-link (`link` with `original: true`):
propublica/original-links checks the story's own links only (`link-back: false`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story import url_key
from compliance.urls import same_page, without_tracking
from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"
ORIGINAL = str(ORIGINALS / "propublica-original.html")
CANONICAL = "https://www.propublica.org/article/pipeline-weld-inspections-records"
LINK = f"[ProPublica]({CANONICAL})"
LINK_BACK = "creative-commons/source-link"
# The rules of the clause "link to the original story on propublica.org (and keep all the links)".
CLAUSE = {LINK_BACK, "propublica/original-links"}

TYPED = [
    f"{CANONICAL}?utm_source=newsletter&utm_medium=email",
    f"{CANONICAL}#comments",
    CANONICAL.replace("https://", "http://"),
    f"{CANONICAL}/",
    f"{CANONICAL}?fbclid=IwAR0abc",
    # An AMP address: only the original's own canonical URL says it is the same story.
    "https://www.propublica.org/article/pipeline-weld-inspections-records/amp",
    "https://amp.propublica.org/article/pipeline-weld-inspections-records",
]


def _copy(tmp_path: Path, *, linked: bool) -> str:
    # Without the sidecar beside the sample: the command line alone names the original.
    copy = tmp_path / "copy.md"
    shutil.copy(ORIGINALS / "propublica-faithful.md", copy)
    if not linked:
        text = copy.read_text(encoding="utf-8")
        assert LINK in text
        copy.write_text(text.replace(LINK, "ProPublica"), encoding="utf-8")
    return str(copy)


def _link_back(cli: Any, copy: str, *meta: str) -> dict[str, Any]:
    args = [arg for item in meta for arg in ("--meta", item)]
    (entry,) = cli("check", "--format", "json", "--original", ORIGINAL, *args, copy).json()["files"]
    return entry  # type: ignore[no-any-return]


@pytest.mark.parametrize("typed", TYPED)
@pytest.mark.parametrize("key", ["original_url", "original-url"])
def test_a_link_to_the_originals_canonical_url_is_the_link_back(cli: Any, tmp_path: Path, typed: str, key: str) -> None:
    entry = _link_back(cli, _copy(tmp_path, linked=True), f"{key}={typed}")
    assert not CLAUSE & {f["rule"] for f in entry["findings"]}
    (passed,) = [p["evidence"] for p in entry["passed"] if p["rule"] == LINK_BACK]
    # The evidence names the address the copy links to.
    assert passed == f'<a href="{CANONICAL}">ProPublica</a>'
    # original-links no longer claims the link back (it does not check it).
    (kept,) = [p["evidence"] for p in entry["passed"] if p["rule"] == "propublica/original-links"]
    assert kept == "every link of the original is kept"


@pytest.mark.parametrize("typed", TYPED)
def test_a_copy_without_the_link_back_still_fails_whatever_was_typed(cli: Any, tmp_path: Path, typed: str) -> None:
    entry = _link_back(cli, _copy(tmp_path, linked=False), f"original_url={typed}")
    # One finding for the one missing link back, naming the address typed; an address that is no
    # ProPublica article (`amp.propublica.org`) is not the one named: the original's canonical URL is.
    (finding,) = [f for f in entry["findings"] if f["rule"] in CLAUSE]
    assert finding["rule"] == LINK_BACK
    named = CANONICAL if typed.startswith("https://amp.") else typed
    assert f"no visible link to the original <{named}> in the article" in finding["message"]


def test_the_typed_address_is_the_link_back_too(cli: Any, tmp_path: Path) -> None:
    # A copy that links to the address as given (another of the story's addresses) links back.
    copy = Path(_copy(tmp_path, linked=True))
    other = "https://www.propublica.org/article/pipeline-welds"
    copy.write_text(copy.read_text(encoding="utf-8").replace(CANONICAL, other), encoding="utf-8")
    entry = _link_back(cli, str(copy), f"original_url={other}?utm_campaign=x")
    assert not CLAUSE & {f["rule"] for f in entry["findings"]}


@pytest.mark.parametrize(
    ("linked_to", "links_back"),
    [
        (f"{CANONICAL}/amp/", True),
        (f"{CANONICAL}?amp=1", True),
        (CANONICAL.replace(".org/", ".org/amp/", 1), True),
        (f"{CANONICAL}.amp", True),
        (f"{CANONICAL}-amplified", False),
        (CANONICAL.replace(".org/", ".org/amplified/", 1), False),
    ],
)
def test_a_link_to_the_stories_amp_version_is_the_link_back(cli: Any, tmp_path: Path, linked_to: str, links_back: bool) -> None:
    # The AMP version of the story is the story (the audit's page key, `compliance.urls.page_key`);
    # another path that only starts like it is another story.
    copy = Path(_copy(tmp_path, linked=True))
    copy.write_text(copy.read_text(encoding="utf-8").replace(LINK, f"[ProPublica]({linked_to})"), encoding="utf-8")
    entry = _link_back(cli, str(copy), f"original_url={CANONICAL}")
    rules = [f["rule"] for f in entry["findings"] if f["rule"] in CLAUSE]
    assert rules == ([] if links_back else [LINK_BACK])


def test_a_link_to_another_story_is_no_link_back(cli: Any, tmp_path: Path) -> None:
    copy = Path(_copy(tmp_path, linked=True))
    copy.write_text(copy.read_text(encoding="utf-8").replace(CANONICAL, "https://www.propublica.org/article/another-story"), encoding="utf-8")
    entry = _link_back(cli, str(copy), f"original_url={CANONICAL}?utm_source=newsletter")
    (finding,) = [f for f in entry["findings"] if f["rule"] in CLAUSE]
    assert finding["rule"] == LINK_BACK
    assert f"<{CANONICAL}?utm_source=newsletter>" in finding["message"]
    assert '(<a href="https://www.propublica.org/article/another-story">) goes to another page' in finding["message"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://news.example.org/story?utm_source=x", "https://news.example.org/story"),
        ("http://news.example.org/story/", "https://news.example.org/story"),
        ("https://news.example.org/story#top", "https://NEWS.example.org/story"),
        ("https://news.example.org/story?fbclid=1&id=7&UTM_MEDIUM=e", "https://news.example.org/story?id=7"),
        ("https://news.example.org/story?mc_cid=1&mc_eid=2&gclid=3", "https://news.example.org:443/story"),
        # The audit's tracking parameters are the link-back check's too (one list, `compliance.urls`).
        ("https://news.example.org/story?_ga=2.1234&ref_src=twsrc%5Etfw", "https://news.example.org/story"),
        ("https://news.example.org/story?id=7&dclid=1&Utm_Id=4", "https://news.example.org/story?id=7"),
        # The AMP version of a story is the story (the audit's rule).
        ("https://news.example.org/story/amp/", "https://news.example.org/story"),
        ("https://news.example.org/story?amp=1", "https://news.example.org/story"),
        # Its other AMP forms: `amp` as the first segment, a `.amp` page, `outputType=amp`.
        ("https://news.example.org/amp/2026/05/story/", "https://news.example.org/2026/05/story"),
        ("https://news.example.org/AMP/story", "https://news.example.org/story/amp"),
        ("https://news.example.org/world/story-123.amp", "https://news.example.org/world/story-123"),
        ("https://news.example.org/2026/05/story.amp.html", "https://news.example.org/2026/05/story.html"),
        ("https://news.example.org/story?outputType=amp&id=7", "https://news.example.org/story?id=7"),
        # A character that means the same written or percent-encoded (a Markdown link encodes the
        # parentheses its target may not hold), and an escape's letter case.
        ("https://news.example.org/welds_%28update%29", "https://news.example.org/welds_(update)"),
        ("https://news.example.org/story?b=%5B2%5D", "https://news.example.org/story?b=[2]"),
        ("https://news.example.org/%7Ejane/story", "https://news.example.org/~jane/story"),
        ("https://news.example.org/a%2fb", "https://news.example.org/a%2Fb"),
    ],
)
def test_same_page_sets_aside_what_does_not_change_the_page(a: str, b: str) -> None:
    assert same_page(a, b) and same_page(b, a)
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://news.example.org/story?id=7", "https://news.example.org/story?id=8"),
        ("https://news.example.org/story", "https://news.example.org/other"),
        ("https://news.example.org/story", "https://news.example.org.evil.example/story"),
        ("https://news.example.org/story?ref=home", "https://news.example.org/story"),
        ("https://news.example.org:8443/story", "https://news.example.org/story"),
        ("https://news.example.org/story", "not a url"),
        ("https://news.example.org/amplifier", "https://news.example.org/"),
        ("https://news.example.org/story?amp=0", "https://news.example.org/story"),
        # `amp` between other segments names a section as often as a version; a word that starts
        # with it, a page name that only ends like it, another output type: other pages.
        ("https://news.example.org/music/amp/story", "https://news.example.org/music/story"),
        ("https://news.example.org/amp-guide/story", "https://news.example.org/story"),
        ("https://news.example.org/ampere/story", "https://news.example.org/story"),
        ("https://news.example.org/story.ampx", "https://news.example.org/story"),
        ("https://news.example.org/story.amp.php", "https://news.example.org/story.php"),
        ("https://news.example.org/champ", "https://news.example.org/ch"),
        ("https://news.example.org/story?outputType=print", "https://news.example.org/story"),
        # An escape whose character would part the path or the query otherwise.
        ("https://news.example.org/a%2Fb", "https://news.example.org/a/b"),
        ("https://news.example.org/story?q=1%262", "https://news.example.org/story?q=1&2"),
        ("https://news.example.org/story?q=a%3Db", "https://news.example.org/story?q=a=b"),
    ],
)
def test_same_page_still_tells_pages_apart(a: str, b: str) -> None:
    assert not same_page(a, b) and not same_page(b, a)


def test_without_tracking_keeps_the_other_parameters_in_order() -> None:
    assert without_tracking("?b=2&utm_source=x&a=1&fbclid=y") == "?b=2&a=1"
    assert without_tracking("utm_source=x&gclid=1") == ""
    assert without_tracking("") == ""


def test_the_link_back_rule_takes_the_address_without_tracking(cli: Any, tmp_path: Path) -> None:
    # creative-commons/source-link requires a link to the original_url metadata's story.
    entry = _link_back(cli, _copy(tmp_path, linked=True), f"original_url={CANONICAL}?utm_source=newsletter")
    assert "creative-commons/source-link" in {p["rule"] for p in entry["passed"]}


def test_the_link_fix_writes_to_an_address_with_parentheses_then_passes(cli: Any, tmp_path: Path) -> None:
    # Markdown encodes the parentheses a link target may not hold: the check reads the page the same.
    story = tmp_path / "story.md"
    story.write_text(
        "# Pipeline inspectors signed off on welds they never saw\n\nBy Hollis Brandt, ProPublica\n\n"
        "On the morning of March 14, a weld inspector signed off on 41 welds along a new gas line.\n",
        encoding="utf-8",
    )
    original = "original-url=https://www.propublica.org/article/welds_(update)"
    fixed = cli("fix", "--write", "--pack", "propublica", "--meta", original, str(story))
    assert "[ProPublica](https://www.propublica.org/article/welds_%28update%29)" in story.read_text(encoding="utf-8"), fixed.err
    checked = cli("check", "--format", "json", "--pack", "propublica", "--meta", original, str(story)).json()["files"][0]
    assert "creative-commons/source-link" not in {f["rule"] for f in checked["findings"]}
    assert "propublica/credit-line" not in {f["rule"] for f in checked["findings"]}
