"""One clause of the terms, one finding: a copy without the link back to the original gets one
finding about it, from creative-commons/source-link, whether the original is given or not. The
rule asks for the original story itself when its address is known (`link` with `original: true`:
the original given, or the `original_url` metadata), and for any of the publisher's stories
otherwise; `*/original-links` checks the story's own links only (`link-back: false`)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from compliance.loading import load_packs
from compliance.packs import load_pack
from compliance.prefilter import check_words
from tests.conftest import ROOT, write

LINK_BACK = "creative-commons/source-link"

PROPUBLICA_ORIGINAL = ROOT / "samples" / "originals" / "propublica-original.html"
PROPUBLICA_URL = "https://www.propublica.org/article/pipeline-weld-inspections-records"
PROPUBLICA_LINK = f"[ProPublica]({PROPUBLICA_URL})"

KFF_COPY = ROOT / "tests" / "rule-fixtures" / "kff-health-news" / "compliant.html"
KFF_URL = "https://kffhealthnews.org/news/article/rural-hospitals-labor-delivery-closures-staffing-costs/"
KFF_LINK = f'<a href="{KFF_URL}">KFF Health News</a>'


def _clause(pack: str) -> set[str]:
    """The rules of the clause "link to the original (and keep every link of the story)"."""
    return {LINK_BACK, f"{pack}/original-links"}


def _propublica_copy(tmp_path: Path, link: str | None) -> Path:
    """ProPublica's Markdown copy (without its sidecar), its credit line linking `link`, or unlinked."""
    copy = tmp_path / "copy.md"
    shutil.copy(ROOT / "samples" / "originals" / "propublica-faithful.md", copy)
    text = copy.read_text(encoding="utf-8")
    assert PROPUBLICA_LINK in text
    copy.write_text(text.replace(PROPUBLICA_LINK, f"[ProPublica]({link})" if link else "ProPublica"), encoding="utf-8")
    return copy


def _kff_copy(tmp_path: Path, link: str | None) -> Path:
    """KFF Health News' HTML copy, its byline linking `link` on "KFF Health News", or unlinked."""
    text = KFF_COPY.read_text(encoding="utf-8")
    assert text.count(KFF_LINK) == 1
    return write(tmp_path, "copy.html", text.replace(KFF_LINK, f'<a href="{link}">KFF Health News</a>' if link else "KFF Health News"))


def _kff_original(tmp_path: Path) -> Path:
    """KFF Health News' own page of the story: its address only in its canonical link."""
    text = KFF_COPY.read_text(encoding="utf-8").replace('content="Ozark Valley News"', 'content="KFF Health News"')
    text = text.replace("<head>", f'<head>\n  <link rel="canonical" href="{KFF_URL}">', 1)
    return write(tmp_path, "kff-original.html", text)


def _copy(pack: str, tmp_path: Path, link: str | None) -> Path:
    return _propublica_copy(tmp_path, link) if pack == "propublica" else _kff_copy(tmp_path, link)


def _original(pack: str, tmp_path: Path) -> Path:
    return PROPUBLICA_ORIGINAL if pack == "propublica" else _kff_original(tmp_path)


URLS = {"propublica": PROPUBLICA_URL, "kff-health-news": KFF_URL}
ANOTHER_STORY = {
    "propublica": "https://www.propublica.org/article/hospital-debt-lawsuits",
    "kff-health-news": "https://kffhealthnews.org/news/article/medical-debt-lawsuits-arkansas/",
}


def _entry(cli: Any, page: Path, *args: str) -> dict[str, Any]:
    run = cli("check", "--format", "json", *args, str(page))
    assert run.code in (0, 1), run.err
    (entry,) = run.json()["files"]
    return entry  # type: ignore[no-any-return]


def _clause_findings(entry: dict[str, Any], pack: str) -> list[dict[str, Any]]:
    assert entry["packs"] == [pack]
    return [f for f in entry["findings"] if f["rule"] in _clause(pack)]


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
def test_no_link_back_with_the_original_is_one_finding_naming_its_address(cli: Any, tmp_path: Path, pack: str) -> None:
    entry = _entry(cli, _copy(pack, tmp_path, None), "--original", str(_original(pack, tmp_path)))
    (finding,) = _clause_findings(entry, pack)
    assert finding["rule"] == LINK_BACK
    assert f"no visible link to the original <{URLS[pack]}> in the article" in finding["message"]
    # The story's own links are all kept: original-links passes, and does not claim the link back.
    (kept,) = [p["evidence"] for p in entry["passed"] if p["rule"] == f"{pack}/original-links"]
    assert kept == "every link of the original is kept"


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
def test_no_link_back_without_the_original_is_one_finding_about_any_story(cli: Any, tmp_path: Path, pack: str) -> None:
    entry = _entry(cli, _copy(pack, tmp_path, None))
    (finding,) = _clause_findings(entry, pack)
    assert finding["rule"] == LINK_BACK
    assert "no visible link to " in finding["message"] and "<http" not in finding["message"]


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
@pytest.mark.parametrize("how", ["original", "original_url"])
def test_a_link_to_another_story_of_the_publisher_is_one_finding_with_the_originals_address(cli: Any, tmp_path: Path, pack: str, how: str) -> None:
    given = ["--original", str(_original(pack, tmp_path))] if how == "original" else ["--meta", f"original_url={URLS[pack]}"]
    entry = _entry(cli, _copy(pack, tmp_path, ANOTHER_STORY[pack]), *given)
    (finding,) = _clause_findings(entry, pack)
    assert finding["rule"] == LINK_BACK
    assert f"<{URLS[pack]}>" in finding["message"]
    assert f'(<a href="{ANOTHER_STORY[pack]}">) goes to another page' in finding["message"]


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
def test_without_the_originals_address_a_link_to_any_of_its_stories_links_back(cli: Any, tmp_path: Path, pack: str) -> None:
    # The near-miss that must not change: nothing says which story the copy is.
    entry = _entry(cli, _copy(pack, tmp_path, ANOTHER_STORY[pack]))
    assert not _clause_findings(entry, pack)
    assert LINK_BACK in {p["rule"] for p in entry["passed"]}


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
@pytest.mark.parametrize("form", ["{url}?utm_source=newsletter&utm_medium=email", "{url}#comments", "{amp}", "{url}?amp=1"])
def test_the_originals_other_forms_link_back(cli: Any, tmp_path: Path, pack: str, form: str) -> None:
    url = URLS[pack]
    amp = url.rstrip("/") + "/amp/"
    entry = _entry(cli, _copy(pack, tmp_path, form.format(url=url, amp=amp)), "--original", str(_original(pack, tmp_path)))
    assert not _clause_findings(entry, pack)


def test_an_address_that_is_not_the_publishers_story_is_not_the_original(cli: Any, tmp_path: Path) -> None:
    # A CMS's `canonical_url` (read as `original_url`) naming the republisher's own page: the link
    # to the KFF Health News story is the link back all the same.
    entry = _entry(cli, _kff_copy(tmp_path, KFF_URL), "--meta", "original_url=https://ozarkvalley.example/news/rural-hospitals-babies")
    assert not _clause_findings(entry, "kff-health-news")


def test_an_original_of_another_publisher_names_no_address(cli: Any, tmp_path: Path) -> None:
    # KFF Health News' story given as a ProPublica copy's original is refused: its address is no
    # link back, and ProPublica's rule asks for any ProPublica story, as without an original.
    entry = _entry(cli, _propublica_copy(tmp_path, ANOTHER_STORY["propublica"]), "--original", str(_kff_original(tmp_path)))
    assert "original-mismatch" in {n["code"] for n in entry["notices"]}
    assert not _clause_findings(entry, "propublica")


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
def test_a_print_copy_needs_no_link_back(cli: Any, tmp_path: Path, pack: str) -> None:
    # Only online copies link back: the rule is not checked on print, with or without the original.
    page = _copy(pack, tmp_path, None)
    for extra in ([], ["--original", str(_original(pack, tmp_path))]):
        entry = _entry(cli, page, "--meta", "medium=print", *extra)
        assert not _clause_findings(entry, pack)
        (note,) = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
        assert LINK_BACK in note and "the copy is print" in note


def test_the_printed_sample_is_asked_for_no_link_at_all(cli: Any) -> None:
    # "If you publish online, you must … keep all the links in the story": a print copy has no
    # links to keep, so neither the link back nor the story's links are asked of it.
    entry = _entry(cli, ROOT / "samples" / "propublica" / "print-copy.txt", "--original", str(PROPUBLICA_ORIGINAL))
    assert _clause_findings(entry, "propublica") == []
    (note,) = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    assert f"{LINK_BACK}, propublica/pixel, propublica/original-links" in note and "the copy is print" in note


@pytest.mark.parametrize("medium", ["print", "online"])
def test_the_storys_links_are_asked_of_an_online_copy_only(cli: Any, tmp_path: Path, medium: str) -> None:
    # The same Markdown copy, every link of the story dropped, declared printed or published online.
    copy = _propublica_copy(tmp_path, None)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text), encoding="utf-8")
    entry = _entry(cli, copy, "--original", str(PROPUBLICA_ORIGINAL), "--meta", f"medium={medium}")
    dropped = [f for f in entry["findings"] if f["rule"] == "propublica/original-links"]
    assert bool(dropped) is (medium == "online")
    if medium == "print":
        (note,) = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
        assert "propublica/original-links" in note and "the copy is print (its 'medium' metadata says print)" in note


@pytest.mark.parametrize("linked", [None, ANOTHER_STORY["propublica"]])
def test_fix_inserts_the_link_to_the_original(cli: Any, tmp_path: Path, linked: str | None) -> None:
    copy = _propublica_copy(tmp_path, linked)
    run = cli("fix", "--write", "--original", str(PROPUBLICA_ORIGINAL), str(copy))
    assert run.code == 0, run.err
    assert f"Read the original story on [ProPublica]({PROPUBLICA_URL})." in copy.read_text(encoding="utf-8")
    entry = _entry(cli, copy, "--original", str(PROPUBLICA_ORIGINAL))
    assert not _clause_findings(entry, "propublica")


def test_the_packs_with_both_rules_leave_the_link_back_to_one() -> None:
    # Every pack that checks the story's links against the original: one rule asks for the link
    # back (its link rule with `original: true`), or none does (Texas Tribune's credit rule).
    checked = []
    for pack in load_packs():
        rules = {rule.id: rule for rule in pack.rules}
        links = [r for r in rules.values() if r.check.kind == "original-links"]
        if links:
            checked.append(pack.id)
            assert all(not r.check.params.link_back for r in links), pack.id
        if links and LINK_BACK in rules:
            assert rules[LINK_BACK].check.kind == "link" and rules[LINK_BACK].check.params.original, pack.id
    assert sorted(checked) == ["kff-health-news", "propublica", "texas-tribune"]


def _marker_check(options: str) -> Any:
    pack = load_pack(
        "id: marked\nname: Marked\npublisher: Marked\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        f"detect:\n  markers:\n    - id: link\n      check: {{link: {{href: '^https://news\\.example\\.org/story/', {options}}}}}\n"
        "rules: [{id: marked/r, severity: error, message: m, help: h, check: {text: {phrase: x}}}]\n",
        "marked.yaml",
    )
    return pack.markers[0].check


def test_the_prefilter_asks_no_address_words_of_a_link_to_the_original() -> None:
    # The original's address is known per article only, and may be any URL: a link to it needs
    # only its text on the page, not the words of `href`.
    assert check_words(_marker_check("text: Example")) == frozenset({frozenset({b"https://news.example.org/", b"example", b"/story/"})})
    assert check_words(_marker_check("text: Example, original: true")) == frozenset({frozenset({b"example"})})


# -- the editor's page: the same one finding, from the Original URL field or an uploaded original --


def _submit(article: bytes, **form: Any) -> str:
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    files: dict[str, Any] = {"file": ("story.md", article, "text/markdown")}
    if "original_file" in form:
        files["original_file"] = ("original.html", form.pop("original_file"), "text/html")
    answer = client.post("/", files=files, data=form)
    assert answer.status_code == 200
    return html.unescape(answer.text)


@pytest.mark.parametrize("given", ["original_url", "original_file"])
def test_the_editors_page_names_the_original_for_a_link_to_another_story(tmp_path: Path, given: str) -> None:
    copy = _propublica_copy(tmp_path, ANOTHER_STORY["propublica"]).read_bytes()
    value = PROPUBLICA_URL if given == "original_url" else PROPUBLICA_ORIGINAL.read_bytes()
    page = _submit(copy, **{given: value})
    assert f"no visible link to the original <{PROPUBLICA_URL}> in the article" in page
    # original-links says nothing of the link back: one finding, not two.
    assert "no link to the original <" not in page


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
@pytest.mark.parametrize("elsewhere", ["https://gazette.example/2024/welds", "/2024/welds/", "https://propublica.org.example.net/welds"])
def test_a_credit_link_that_names_the_publisher_but_goes_elsewhere_is_pointed_at(cli: Any, tmp_path: Path, pack: str, elsewhere: str) -> None:
    # A CMS that rewrote the credit line's link to the republisher's own page: the finding is at
    # that link and says so.
    entry = _entry(cli, _copy(pack, tmp_path, elsewhere), "--meta", f"original_url={URLS[pack]}")
    (finding,) = _clause_findings(entry, pack)
    assert finding["rule"] == LINK_BACK
    name = "ProPublica" if pack == "propublica" else "KFF Health News"
    assert f">{name}</a>) names the original but goes elsewhere: point it at the original" in finding["message"]
    page = _copy(pack, tmp_path, elsewhere).read_text(encoding="utf-8")
    assert finding["line"] == next(n for n, line in enumerate(page.splitlines(), 1) if f"{name}](" in line or f">{name}</a>" in line)


@pytest.mark.parametrize("pack", ["propublica", "kff-health-news"])
def test_a_link_to_the_publishers_home_page_is_no_mislabelled_credit(cli: Any, tmp_path: Path, pack: str) -> None:
    home = "https://www.propublica.org/" if pack == "propublica" else "https://kffhealthnews.org/"
    entry = _entry(cli, _copy(pack, tmp_path, home), "--meta", f"original_url={URLS[pack]}")
    (finding,) = _clause_findings(entry, pack)
    assert "names the original but goes elsewhere" not in finding["message"]


@pytest.mark.parametrize(
    "text",
    [
        "Pipeline Inspectors Signed Off on Welds They Never Saw, Records Show",  # the original's headline
        "the original story",  # no name of it: not said to be the original's link
    ],
)
def test_a_link_reading_the_originals_headline_is_the_original_named(cli: Any, tmp_path: Path, text: str) -> None:
    copy = _propublica_copy(tmp_path, None)
    copy.write_text(copy.read_text(encoding="utf-8") + f"\nRead [{text}](https://gazette.example/welds/).\n", encoding="utf-8")
    entry = _entry(cli, copy, "--original", str(PROPUBLICA_ORIGINAL))
    (finding,) = _clause_findings(entry, "propublica")
    named = '(<a href="https://gazette.example/welds/">' in finding["message"] and "names the original but goes elsewhere" in finding["message"]
    assert named is text.startswith("Pipeline")


@pytest.mark.parametrize("key", ["original_url", "original-url"])
def test_only_the_originals_address_says_so_in_the_not_compared_note(cli: Any, tmp_path: Path, key: str) -> None:
    # A CMS payload's original_url names the story, but is not its text: the note says what was
    # given and how to give the rest, not that nothing was given.
    entry = _entry(cli, _copy("propublica", tmp_path, PROPUBLICA_URL), "--meta", f"{key}={PROPUBLICA_URL}")
    (note,) = [n["message"] for n in entry["notices"] if n["code"] == "no-original"]
    assert note.endswith(
        f"with the original story, and only its address was given (the '{key}' metadata): give the story itself with --original FILE,"
        " or its URL as the 'original' metadata key with --allow-fetch"
    )
    (bare,) = [n["message"] for n in _entry(cli, _copy("propublica", tmp_path, PROPUBLICA_URL))["notices"] if n["code"] == "no-original"]
    assert bare.endswith("and none was given (give it with --original FILE or the 'original' metadata key)")


@pytest.mark.parametrize(
    ("head", "named"),
    [
        (f'<link rel="canonical" href="{KFF_URL}">', True),
        (f'<meta name="syndication-source" content="{KFF_URL}">', True),
        # The republisher's own page as canonical names no story of the publisher's.
        ('<link rel="canonical" href="https://ozarkvalley.example/2024/labor-delivery/">', False),
    ],
)
def test_without_the_original_a_credit_link_gone_elsewhere_is_pointed_at_by_the_head_s_address(cli: Any, tmp_path: Path, head: str, named: bool) -> None:
    # No original given, but the page head names the publisher's story, as fix reads it: the
    # finding points at the credit link that goes to the republisher's page instead.
    copy = _kff_copy(tmp_path, "https://ozarkvalley.example/2024/labor-delivery/")
    copy.write_text(copy.read_text(encoding="utf-8").replace("<head>", f"<head>\n  {head}", 1), encoding="utf-8")
    entry = _entry(cli, copy)
    (finding,) = [f for f in entry["findings"] if f["rule"] == LINK_BACK]
    said = "KFF Health News</a>) names the original but goes elsewhere: point it at the original" in finding["message"]
    assert said is named
    if named:
        assert finding["line"] == next(n for n, line in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if ">KFF Health News</a>" in line)
